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

/**
 * JC_AVAILABLE_IN_ALL:
 *
 * Marks a symbol available in every version of janus-client.
 */
#define JC_AVAILABLE_IN_ALL _JC_EXTERN

/**
 * JC_AVAILABLE_IN_0_1:
 *
 * Marks a symbol available since janus-client 0.1.
 */
#define JC_AVAILABLE_IN_0_1 _JC_EXTERN

/**
 * JC_DEPRECATED:
 *
 * Marks a symbol deprecated.
 */
#define JC_DEPRECATED _JC_EXTERN G_DEPRECATED

/**
 * JC_DEPRECATED_FOR:
 * @f: the symbol to use instead
 *
 * Marks a symbol deprecated in favour of @f.
 */
#define JC_DEPRECATED_FOR(f) _JC_EXTERN G_DEPRECATED_FOR (f)
