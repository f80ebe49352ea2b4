/* jc-cmd-videoroom-private.h: what the videoroom subcommands share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "jc-cli-media.h"

G_BEGIN_DECLS

typedef struct
{
  JC_CLI_SESSION_FIELDS
  JcVideoRoom *vr; /* (owned) the main handle */
} VrRun;

GAsyncResult *jc_vr_wait_result (VrRun *run);
JcVideoRoom *jc_vr_attach (VrRun *run, GError **error);
/* Connects, creates the session and attaches run->vr. */
gboolean jc_vr_open (VrRun *run, JcLocalJanusNetwork network, GError **error);
void jc_vr_detach (VrRun *run, JcVideoRoom *vr);
void jc_vr_close (VrRun *run);
/* FALSE with a reason when the private Janus cannot do media. */
void jc_vr_stop_peer (VrRun *run, JcPeer *peer);
void jc_vr_hangup (VrRun *run, JcVideoRoom *vr);

int jc_cmd_videoroom_subscribe (JcCliOptions *opts, int argc, char **argv);

G_END_DECLS
