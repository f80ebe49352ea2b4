/* jc-cmd-recordplay.c: janus-client recordplay (placeholder, being written)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "jc-cli.h"

int
jc_cmd_recordplay (JcCliOptions *opts, int argc, char **argv)
{
  g_printerr ("janus-client: recordplay is not built yet\n");
  return JC_CLI_EXIT_USAGE;
}
