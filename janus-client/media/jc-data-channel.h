/* jc-data-channel.h: one WebRTC data channel of a JcPeer
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(JC_INSIDE) && !defined(JC_COMPILATION)
#error "Only <janus-client/janus-client.h> can be included directly."
#endif

#include <glib-object.h>

#include "jc-version-macros.h"

G_BEGIN_DECLS

/**
 * JcDataChannelState:
 * @JC_DATA_CHANNEL_STATE_CONNECTING: created, not open yet: messages sent
 *   now wait in a queue
 * @JC_DATA_CHANNEL_STATE_OPEN: open: messages go out at once
 * @JC_DATA_CHANNEL_STATE_CLOSING: closing, sending fails
 * @JC_DATA_CHANNEL_STATE_CLOSED: closed for good, sending fails
 *
 * The state of a [class@DataChannel], as the W3C `RTCDataChannelState`.
 */
typedef enum
{
  JC_DATA_CHANNEL_STATE_CONNECTING,
  JC_DATA_CHANNEL_STATE_OPEN,
  JC_DATA_CHANNEL_STATE_CLOSING,
  JC_DATA_CHANNEL_STATE_CLOSED,
} JcDataChannelState;

/**
 * JC_DATA_CHANNEL_MAX_MESSAGE_SIZE:
 *
 * The largest message, in bytes, a [class@DataChannel] sends: the SCTP
 * message size webrtcbin and Janus agree on.
 */
#define JC_DATA_CHANNEL_MAX_MESSAGE_SIZE 65536

#define JC_TYPE_DATA_CHANNEL (jc_data_channel_get_type ())
JC_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (JcDataChannel, jc_data_channel, JC, DATA_CHANNEL, GObject)

JC_AVAILABLE_IN_ALL
const char *jc_data_channel_get_label (JcDataChannel *self);
JC_AVAILABLE_IN_ALL
JcDataChannelState jc_data_channel_get_state (JcDataChannel *self);

JC_AVAILABLE_IN_ALL
gboolean jc_data_channel_send_text (JcDataChannel *self,
                                    const char *text,
                                    GError **error);
JC_AVAILABLE_IN_ALL
gboolean jc_data_channel_send_data (JcDataChannel *self,
                                    GBytes *data,
                                    GError **error);
JC_AVAILABLE_IN_ALL
void jc_data_channel_close (JcDataChannel *self);

G_END_DECLS
