/* jc-data-channel-private.h: what JcPeer calls of its data channels
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "jc-data-channel.h"
#include "jc-peer-private.h"

G_BEGIN_DECLS

/* JcPeer::data-channel, registered on JcPeer's class. */
void jc_peer_data_class_init (GObjectClass *klass);
/* From JcPeer's constructed (): listens for channels Janus opens. */
void jc_peer_data_init (JcPeer *self);
/* Closes every channel. @emit: each emits notify::state and
 * JcDataChannel::closed (not from dispose). */
void jc_peer_data_close_all (JcPeer *self, gboolean emit);
/* From JcPeer's finalize (). */
void jc_peer_data_finalize (JcPeer *self);

G_END_DECLS
