#ifndef CSQLITECONFIG_H
#define CSQLITECONFIG_H

/// Keeps every SQLite statement journal of this process in memory, however large (the default
/// moves one to a temporary file past 64 KB). Must run before SQLite initialises (before the first
/// connection opens); returns SQLite's result code (SQLITE_MISUSE, 21, if it is too late).
int credence_sqlite_statement_journals_in_memory(void);

#endif
