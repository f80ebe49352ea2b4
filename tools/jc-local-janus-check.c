/* jc-local-janus-check.c: starts a local Janus, prints where it listens,
 * waits for Enter (or -n: no wait), stops it.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>
#include <string.h>

#include "jc-local-janus.h"

int
main (int argc, char **argv)
{
  g_autoptr (JcLocalJanus) janus = jc_local_janus_new ();
  g_autoptr (GError) error = NULL;
  gboolean wait = TRUE;
  gint64 t0;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "-n") == 0)
        wait = FALSE;
      else if (strcmp (argv[i], "loopback") == 0)
        jc_local_janus_set_network (janus, JC_LOCAL_JANUS_NETWORK_LOOPBACK);
      else if (strcmp (argv[i], "namespace") == 0)
        jc_local_janus_set_network (janus, JC_LOCAL_JANUS_NETWORK_NAMESPACE);
    }
  t0 = g_get_monotonic_time ();
  if (!jc_local_janus_start (janus, 10000, &error))
    {
      g_printerr ("start failed: %s\n", error->message);
      return 1;
    }
  g_print ("ready in %.0f ms, pid %d, media %d\n  %s\n  %s\n  %s\n  %s\n  %s\n  %s\n  dir %s\n  secret %s\n",
           (g_get_monotonic_time () - t0) / 1000.0, (int) jc_local_janus_get_pid (janus),
           jc_local_janus_has_media (janus), jc_local_janus_get_ws_uri (janus),
           jc_local_janus_get_http_uri (janus), jc_local_janus_get_unix_uri (janus),
           jc_local_janus_get_admin_ws_uri (janus), jc_local_janus_get_admin_http_uri (janus),
           jc_local_janus_get_admin_unix_uri (janus), jc_local_janus_get_work_dir (janus),
           jc_local_janus_get_admin_secret (janus));
  if (wait)
    {
      char line[16];
      if (fgets (line, sizeof line, stdin) == NULL)
        line[0] = '\0';
    }
  t0 = g_get_monotonic_time ();
  jc_local_janus_stop (janus);
  g_print ("stopped in %.0f ms\n", (g_get_monotonic_time () - t0) / 1000.0);
  return 0;
}
