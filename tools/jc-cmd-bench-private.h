/* jc-cmd-bench-private.h: shared by the two halves of `janus-client bench`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "jc-cli.h"

G_BEGIN_DECLS

/* `bench sessions` (jc-cmd-bench-sessions.c); argv[0] is "sessions". */
int jc_bench_run_sessions (JcCliOptions *opts,
                           int argc,
                           char **argv);

/* A "kB" field of /proc/self/status ("VmRSS", "RssAnon") in KiB; 0 if
 * /proc cannot tell. */
guint64 jc_bench_status_kib (const char *field);
/* User + system CPU time of this process so far, in milliseconds. */
double jc_bench_cpu_ms (void);
/* A timeout on the thread-default context; (transfer full). */
GSource *jc_bench_add_timeout (guint ms,
                               GSourceFunc func,
                               gpointer data,
                               const char *name);
/* Destroys and unrefs *source, if any. */
void jc_bench_clear_source (GSource **source);
/* The --json line, doubles with 3 decimals (jc_cli_print_json_object
 * without --json). */
void jc_bench_print_result (JcCliOptions *opts,
                            JsonObject *result);

G_END_DECLS
