/* jc-cmd-audiobridge.c: janus-client audiobridge (placeholder, being written)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "jc-cli.h"

int
jc_cmd_audiobridge (JcCliOptions *opts, int argc, char **argv)
{
  g_printerr ("janus-client: audiobridge is not built yet\n");
  return JC_CLI_EXIT_USAGE;
}
