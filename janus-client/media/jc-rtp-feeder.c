/* jc-rtp-feeder.c: plain RTP from a media source (placeholder)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-rtp-feeder.h"
