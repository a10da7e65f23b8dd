#ifndef CSQLITECONFIG_H
#define CSQLITECONFIG_H

/// Keeps SQLite's statement journals in memory up to 1 MB (the default is 64 KB). Must run before SQLite
/// initialises (before the first connection opens); returns SQLite's result code (SQLITE_MISUSE,
/// 21, if it is too late, which is harmless).
int credence_sqlite_statement_journals_in_memory(void);

#endif
