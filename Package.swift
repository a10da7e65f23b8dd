// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Credence",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "credence", targets: ["credence"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .target(name: "CredenceCore"),
        .target(name: "CSQLiteConfig", linkerSettings: [.linkedLibrary("sqlite3")]),
        .target(
            name: "CredenceStore",
            dependencies: [
                "CredenceCore", "CSQLiteConfig",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "CredenceReport", dependencies: ["CredenceCore"]),
        .systemLibrary(name: "CReadline", path: "Sources/CReadline"),
        .target(
            name: "CredenceCLI",
            dependencies: [
                "CredenceCore", "CredenceStore", "CredenceReport", "CReadline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "credence", dependencies: ["CredenceCLI"]),
        .testTarget(
            name: "CredenceCoreTests",
            dependencies: ["CredenceCore", .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "CredenceStoreTests",
            dependencies: [
                "CredenceStore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "CredenceReportTests", dependencies: ["CredenceReport"], resources: [.copy("Snapshots")]),
        .testTarget(
            name: "CredenceCLITests",
            dependencies: ["CredenceCLI", .product(name: "GRDB", package: "GRDB.swift")],
            resources: [.copy("Golden"), .copy("Fixtures")]
        ),
    ]
)
