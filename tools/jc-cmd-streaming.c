/* jc-cmd-streaming.c: janus-client streaming (placeholder, being written)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "jc-cli.h"

int
jc_cmd_streaming (JcCliOptions *opts, int argc, char **argv)
{
  g_printerr ("janus-client: streaming is not built yet\n");
  return JC_CLI_EXIT_USAGE;
}
