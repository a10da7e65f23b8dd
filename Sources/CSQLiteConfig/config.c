#include <sqlite3.h>
#include "CSQLiteConfig.h"

// sqlite3_config is variadic, which Swift cannot call: this is the one line of C that does.
int credence_sqlite_statement_journals_in_memory(void) {
    return sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, -1);
}
