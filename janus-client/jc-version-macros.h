/* jc-version-macros.h: symbol visibility and availability macros
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(JC_INSIDE) && !defined(JC_COMPILATION)
#error "Only <janus-client/janus-client.h> can be included directly."
#endif

#include <glib.h>

#include "jc-version.h"

#ifndef _JC_EXTERN
#define _JC_EXTERN __attribute__ ((visibility ("default"))) extern
#endif

#define JC_AVAILABLE_IN_ALL _JC_EXTERN
#define JC_AVAILABLE_IN_0_1 _JC_EXTERN

#define JC_DEPRECATED _JC_EXTERN G_DEPRECATED
#define JC_DEPRECATED_FOR(f) _JC_EXTERN G_DEPRECATED_FOR (f)
