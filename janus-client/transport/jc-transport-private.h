/* jc-transport-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "jc-transport.h"

G_BEGIN_DECLS

void jc_transport_set_connected (JcTransport *self, gboolean connected);
void jc_transport_log_message (JcTransport *self, const char *direction, JsonObject *message);

G_END_DECLS
