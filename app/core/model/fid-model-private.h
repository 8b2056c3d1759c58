/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Replaces *dest by a copy of src; TRUE when the value changed, so setters
 * notify only on real changes. (g_set_str arrives in GLib 2.76.) */
static inline gboolean
fid_set_str (char       **dest,
             const char  *src)
{
  if (g_strcmp0 (*dest, src) == 0)
    return FALSE;
  g_free (*dest);
  *dest = g_strdup (src);
  return TRUE;
}

G_END_DECLS

G_BEGIN_DECLS

/* Getter and setter pairs for plain model properties. Each model file keeps
 * its own `properties` array and PROP_ enum; these expand to the two public
 * functions that the header declares. */
#define FID_STRING_ACCESSORS(Type, prefix, CHECK, field, PROP)                 \
  const char *prefix##_get_##field (Type *self)                              \
  {                                                                          \
    g_return_val_if_fail (CHECK (self), NULL);                               \
    return self->field;                                                      \
  }                                                                          \
  void prefix##_set_##field (Type *self, const char *value)                  \
  {                                                                          \
    g_return_if_fail (CHECK (self));                                         \
    if (fid_set_str (&self->field, value))                                   \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);          \
  }

#define FID_SCALAR_ACCESSORS(Type, prefix, CHECK, field, PROP, ctype, NORM)    \
  ctype prefix##_get_##field (Type *self)                                    \
  {                                                                          \
    g_return_val_if_fail (CHECK (self), 0);                                  \
    return self->field;                                                      \
  }                                                                          \
  void prefix##_set_##field (Type *self, ctype value)                        \
  {                                                                          \
    g_return_if_fail (CHECK (self));                                         \
    value = NORM (value);                                                    \
    if (self->field != value)                                                \
      {                                                                      \
        self->field = value;                                                 \
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);        \
      }                                                                      \
  }

#define FID_IDENTITY(x) (x)
#define FID_NORM_BOOLEAN(x) (!!(x))
#define FID_INT64_ACCESSORS(T, p, C, f, P) FID_SCALAR_ACCESSORS (T, p, C, f, P, gint64, FID_IDENTITY)
#define FID_INT_ACCESSORS(T, p, C, f, P) FID_SCALAR_ACCESSORS (T, p, C, f, P, int, FID_IDENTITY)
#define FID_BOOLEAN_ACCESSORS(T, p, C, f, P) FID_SCALAR_ACCESSORS (T, p, C, f, P, gboolean, FID_NORM_BOOLEAN)

G_END_DECLS
