/* jc-cmd-ping.c: `janus-client ping`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>

#include "jc-cli.h"

int
jc_cmd_ping (JcCliOptions *opts, int argc, char **argv)
{
  int count = 1;
  double interval_s = 1.0;
  const GOptionEntry entries[] = {
    { "count", 'c', 0, G_OPTION_ARG_INT, &count, "How many pings (default 1)", "N" },
    { "interval", 'i', 0, G_OPTION_ARG_DOUBLE, &interval_s,
      "Seconds between pings (default 1; 0: back to back)", "SECS" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (JcClient) client = NULL;
  g_autoptr (JcCliWaiter) waiter = NULL;
  g_autoptr (GError) error = NULL;
  double min_ms = G_MAXDOUBLE, max_ms = 0, total_ms = 0;
  int status;

  status = jc_cli_parse_command (opts, "ping", "",
                                 "Round-trip Janus pings, print each latency in milliseconds.\n"
                                 "With --json: {\"rtt_ms\": …} per ping.",
                                 entries, &argc, &argv);
  if (status != JC_CLI_EXIT_OK)
    return status;
  if (argc > 1)
    return jc_cli_usage_error (opts, "ping takes no arguments (got “%s”); see janus-client ping --help",
                               argv[1]);
  if (count < 1)
    return jc_cli_usage_error (opts, "--count wants a positive number, not %d", count);
  if (!(interval_s >= 0 && interval_s <= 3600))
    return jc_cli_usage_error (opts, "--interval wants seconds from 0 to 3600");

  client = jc_cli_connect (opts, JC_LOCAL_JANUS_NETWORK_LOOPBACK, &error);
  if (client == NULL)
    return jc_cli_fail (opts, error);

  waiter = jc_cli_waiter_new ();
  for (int seq = 1; seq <= count; seq++)
    {
      g_autoptr (GAsyncResult) result = NULL;
      char number[G_ASCII_DTOSTR_BUF_SIZE];
      gint64 start;
      double rtt_ms;

      if (seq > 1 && !jc_cli_sleep ((guint) (interval_s * 1000), opts->cancellable))
        break;
      start = g_get_monotonic_time ();
      jc_client_ping_async (client, opts->cancellable, jc_cli_waiter_callback, waiter);
      result = jc_cli_waiter_wait (waiter);
      if (!jc_client_ping_finish (client, result, &error))
        {
          jc_client_close (client);
          return jc_cli_fail (opts, error);
        }
      rtt_ms = (double) (g_get_monotonic_time () - start) / 1000.0;
      min_ms = MIN (min_ms, rtt_ms);
      max_ms = MAX (max_ms, rtt_ms);
      total_ms += rtt_ms;

      /* Not through JsonGenerator, which writes doubles with 17 digits. */
      g_ascii_formatd (number, sizeof number, "%.3f", rtt_ms);
      if (opts->json)
        g_print ("{\"rtt_ms\":%s}\n", number);
      else
        g_print ("pong from %s: seq=%d time=%s ms\n", jc_client_get_uri (client), seq, number);
      fflush (stdout);
    }
  jc_client_close (client);

  if (g_cancellable_is_cancelled (opts->cancellable))
    {
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Interrupted");
      return jc_cli_fail (opts, error);
    }
  if (!opts->json && count > 1)
    g_print ("%d pings: min/avg/max = %.3f/%.3f/%.3f ms\n", count, min_ms, total_ms / count, max_ms);
  return JC_CLI_EXIT_OK;
}
