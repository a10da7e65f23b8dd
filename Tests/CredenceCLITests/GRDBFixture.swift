import Foundation
import GRDB

/// Journals and databases in odd states, made directly with SQLite.
enum GRDBFixture {
    static func makeForeignDatabase(_ path: String) throws {
        let db = try DatabaseQueue(path: path)
        try db.write { try $0.execute(sql: "CREATE TABLE recipes(name TEXT); INSERT INTO recipes VALUES ('bread')") }
    }

    static func setUserVersion(_ path: String, _ version: Int) throws {
        let db = try DatabaseQueue(path: path)
        try db.writeWithoutTransaction { try $0.execute(sql: "PRAGMA user_version = \(version)") }
    }
}
