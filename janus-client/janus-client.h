/* janus-client.h: the umbrella header of libjanus-client-1
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#define JC_INSIDE

#include "jc-admin.h"
#include "jc-audio-bridge.h"
#include "jc-client.h"
#include "jc-data-channel.h"
#include "jc-echo-test.h"
#include "jc-enum-types.h"
#include "jc-error.h"
#include "jc-handle.h"
#include "jc-http-transport.h"
#include "jc-media-sink.h"
#include "jc-media-source.h"
#include "jc-peer.h"
#include "jc-plugin-handle.h"
#include "jc-record-play.h"
#include "jc-rtp-feeder.h"
#include "jc-session.h"
#include "jc-streaming.h"
#include "jc-text-room.h"
#include "jc-transport.h"
#include "jc-unix-transport.h"
#include "jc-version-macros.h"
#include "jc-version.h"
#include "jc-video-call.h"
#include "jc-video-room.h"
#include "jc-websocket-transport.h"

#undef JC_INSIDE
