#include "stream_data.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "headers.h"
#include "pb.h"

static const char* const protocols[] = {"HTTP/1.0", "HTTP/1.1", "HTTP/2", "HTTP/3"};

/* ---- string maps ---- */

bool string_map_read(string_map* m, const json_value* v, const char* where, char* err, size_t errlen) {
  if (v == NULL) return true;
  bool ok = v->type == JSON_OBJECT;
  for (size_t i = 0; ok && i < v->count; i++) ok = v->items[i]->type == JSON_STRING;
  if (!ok) {
    snprintf(err, errlen, "%s must be an object of strings", where);
    return false;
  }
  for (size_t i = 0; i < v->count; i++) {
    /* A repeated name keeps its first place and its last value, as JSON.parse does. */
    string_pair* p = (string_pair*)string_map_get(m, v->keys[i], v->key_lens[i]);
    if (p == NULL) {
      if (m->len == m->cap) {
        m->cap = m->cap ? m->cap * 2 : 4;
        m->items = xrealloc(m->items, m->cap * sizeof *m->items);
      }
      p = &m->items[m->len++];
      sb_init(&p->key);
      sb_init(&p->value);
      sb_append(&p->key, v->keys[i], v->key_lens[i]);
    }
    sb_clear(&p->value);
    sb_append(&p->value, v->items[i]->text, v->items[i]->text_len);
  }
  return true;
}

void string_map_copy(string_map* dst, const string_map* src) {
  memset(dst, 0, sizeof *dst);
  if (src->len == 0) return;
  dst->items = xcalloc(src->len, sizeof *dst->items);
  dst->len = dst->cap = src->len;
  for (size_t i = 0; i < src->len; i++) {
    sb_append(&dst->items[i].key, src->items[i].key.data, src->items[i].key.len);
    sb_append(&dst->items[i].value, src->items[i].value.data, src->items[i].value.len);
  }
}

const string_pair* string_map_get(const string_map* m, const char* key, size_t len) {
  for (size_t i = 0; i < m->len; i++) {
    if (m->items[i].key.len == len && (len == 0 || memcmp(m->items[i].key.data, key, len) == 0)) return &m->items[i];
  }
  return NULL;
}

void string_map_free(string_map* m) {
  for (size_t i = 0; i < m->len; i++) {
    sb_free(&m->items[i].key);
    sb_free(&m->items[i].value);
  }
  free(m->items);
  memset(m, 0, sizeof *m);
}

/* ---- parsing the op ---- */

static void set_text(strbuf* sb, const char* s) {
  sb_clear(sb);
  sb_append_str(sb, s);
}

static void set_opt(opt_string* o, const char* s) {
  o->present = s != NULL;
  sb_clear(&o->text);
  if (s) sb_append_str(&o->text, s);
}

static bool is_nullable(const char* key) {
  return strcmp(key, "protocol") == 0 || strcmp(key, "upstreamLocalAddress") == 0 ||
         strcmp(key, "upstreamRemoteAddress") == 0 || strcmp(key, "upstreamClusterName") == 0 ||
         strcmp(key, "virtualClusterName") == 0;
}

static bool read_stream_info(stream_data* d, const json_value* spec, uint32_t concurrency, char* err, size_t errlen) {
  if (spec == NULL) return true;
  if (spec->type != JSON_OBJECT) {
    snprintf(err, errlen, "streamInfo must be an object");
    return false;
  }
  for (size_t i = 0; i < spec->count; i++) {
    const char* key = spec->keys[i];
    const json_value* v = spec->items[i];
    if (strcmp(key, "attemptCount") == 0 || strcmp(key, "workerId") == 0) {
      bool attempt = key[0] == 'a';
      double min = attempt ? 1 : 0, max = attempt ? 4294967295.0 : (double)concurrency - 1;
      if (v->type != JSON_NUMBER || v->number != (double)(uint64_t)v->number || v->number < min || v->number > max) {
        snprintf(err, errlen, "streamInfo.%s must be an integer in %.0f..%.0f", key, min, max);
        return false;
      }
      if (attempt) d->attempt_count = (uint64_t)v->number;
      else d->worker_id = (uint32_t)v->number;
      continue;
    }
    if (strcmp(key, "protocol") == 0) {
      int found = -2;
      if (v->type == JSON_NULL) found = -1;
      for (int p = 0; p < 4 && v->type == JSON_STRING; p++) {
        if (strcmp(v->text, protocols[p]) == 0) found = p;
      }
      if (found == -2) {
        snprintf(err, errlen, "streamInfo.protocol must be one of HTTP/1.0, HTTP/1.1, HTTP/2, HTTP/3 or null");
        return false;
      }
      d->protocol = found;
      continue;
    }
    strbuf* text = NULL;
    opt_string* opt = NULL;
    if (strcmp(key, "routeName") == 0) text = &d->route_name;
    else if (strcmp(key, "filterChainName") == 0) text = &d->filter_chain_name;
    else if (strcmp(key, "downstreamLocalAddress") == 0) text = &d->downstream_local;
    else if (strcmp(key, "downstreamRemoteAddress") == 0) text = &d->downstream_remote;
    else if (strcmp(key, "upstreamLocalAddress") == 0) opt = &d->upstream_local;
    else if (strcmp(key, "upstreamRemoteAddress") == 0) opt = &d->upstream_remote;
    else if (strcmp(key, "upstreamClusterName") == 0) opt = &d->upstream_cluster;
    else if (strcmp(key, "virtualClusterName") == 0) opt = &d->virtual_cluster;
    else {
      snprintf(err, errlen, "streamInfo.%.60s is not a stream info field", key);
      return false;
    }
    if (!(v->type == JSON_STRING || (v->type == JSON_NULL && is_nullable(key)))) {
      snprintf(err, errlen, "streamInfo.%s must be a string%s", key, is_nullable(key) ? " or null" : "");
      return false;
    }
    if (text) {
      sb_clear(text);
      sb_append(text, v->text, v->text_len);
    } else {
      opt->present = v->type == JSON_STRING;
      sb_clear(&opt->text);
      if (opt->present) sb_append(&opt->text, v->text, v->text_len);
    }
  }
  return true;
}

static json_value* namespace_of(stream_data* d, const char* ns, size_t len);

static bool read_metadata(stream_data* d, const json_value* v, char* err, size_t errlen) {
  if (v == NULL) return true;
  bool ok = v->type == JSON_OBJECT;
  for (size_t i = 0; ok && i < v->count; i++) ok = v->items[i]->type == JSON_OBJECT;
  if (!ok) {
    snprintf(err, errlen, "metadata must map each namespace to an object of JSON values");
    return false;
  }
  for (size_t i = 0; i < v->count; i++) {
    json_value* fields = namespace_of(d, v->keys[i], v->key_lens[i]);
    if (fields == NULL) {
      fields = json_new_object();
      json_object_set(d->metadata, v->keys[i], v->key_lens[i], fields);
    }
    const json_value* given = v->items[i];
    for (size_t k = 0; k < given->count; k++) {
      json_object_set(fields, given->keys[k], given->key_lens[k], json_clone(given->items[k]));
    }
  }
  return true;
}

static filter_state_entry* fs_find(stream_data* d, const char* key, size_t len) {
  for (size_t i = 0; i < d->filter_state_len; i++) {
    filter_state_entry* e = &d->filter_state[i];
    if (e->key.len == len && (len == 0 || memcmp(e->key.data, key, len) == 0)) return e;
  }
  return NULL;
}

static filter_state_entry* fs_add(stream_data* d, const char* key, size_t len) {
  if (d->filter_state_len == d->filter_state_cap) {
    d->filter_state_cap = d->filter_state_cap ? d->filter_state_cap * 2 : 4;
    d->filter_state = xrealloc(d->filter_state, d->filter_state_cap * sizeof *d->filter_state);
  }
  filter_state_entry* e = &d->filter_state[d->filter_state_len++];
  memset(e, 0, sizeof *e);
  sb_append(&e->key, key, len);
  return e;
}

static bool read_filter_state(stream_data* d, const json_value* v, char* err, size_t errlen) {
  if (v == NULL) return true;
  if (v->type != JSON_OBJECT) {
    snprintf(err, errlen, "filterState must be an object");
    return false;
  }
  for (size_t i = 0; i < v->count; i++) {
    const json_value* raw = v->items[i];
    strbuf where;
    sb_init(&where);
    sb_append_str(&where, "filterState[");
    json_write_string(&where, v->keys[i], v->key_lens[i]);
    sb_append_char(&where, ']');
    const json_value* value = raw;
    int spans[2] = {0, 0};
    if (raw->type == JSON_OBJECT) {
      value = json_get(raw, "value");
      const char* names[2] = {"lifeSpan", "streamSharing"};
      for (int n = 0; n < 2 && value && value->type == JSON_STRING; n++) {
        const json_value* num = json_get(raw, names[n]);
        if (num == NULL || num->type == JSON_NULL) continue;
        if (num->type != JSON_NUMBER || !(num->number == 0 || num->number == 1 || num->number == 2)) {
          snprintf(err, errlen, "%.150s.%s must be 0, 1 or 2", where.data, names[n]);
          sb_free(&where);
          return false;
        }
        spans[n] = (int)num->number;
      }
    }
    if (value == NULL || value->type != JSON_STRING) {
      snprintf(err, errlen, "%.150s must be a string or {value, lifeSpan?, streamSharing?}", where.data);
      sb_free(&where);
      return false;
    }
    sb_free(&where);
    filter_state_entry* e = fs_find(d, v->keys[i], v->key_lens[i]);
    if (e == NULL) e = fs_add(d, v->keys[i], v->key_lens[i]);
    sb_clear(&e->value);
    sb_append(&e->value, value->text, value->text_len);
    e->life_span = spans[0];
    e->stream_sharing = spans[1];
  }
  return true;
}

bool sd_init(stream_data* d, const json_value* op, const string_map* config_secrets, uint32_t concurrency,
             char* err, size_t errlen) {
  memset(d, 0, sizeof *d);
  pthread_mutex_init(&d->mu, NULL);
  /* The defaults of docs/host-protocol.md. */
  set_text(&d->route_name, "");
  set_text(&d->filter_chain_name, "");
  d->protocol = 1;
  set_text(&d->downstream_local, "127.0.0.1:10000");
  set_text(&d->downstream_remote, "127.0.0.1:50000");
  set_opt(&d->upstream_local, "127.0.0.1:50001");
  set_opt(&d->upstream_remote, "127.0.0.1:8080");
  set_opt(&d->upstream_cluster, "upstream");
  set_opt(&d->virtual_cluster, NULL);
  d->attempt_count = 1;
  d->metadata = json_new_object();
  if (!read_stream_info(d, json_get(op, "streamInfo"), concurrency, err, errlen)) return false;
  if (!string_map_read(&d->properties, json_get(op, "properties"), "properties", err, errlen)) return false;
  const json_value* secrets = json_get(op, "secrets");
  if (secrets) {
    if (!string_map_read(&d->secrets, secrets, "secrets", err, errlen)) return false;
  } else {
    string_map_copy(&d->secrets, config_secrets);
  }
  if (!read_metadata(d, json_get(op, "metadata"), err, errlen)) return false;
  return read_filter_state(d, json_get(op, "filterState"), err, errlen);
}

void sd_free(stream_data* d) {
  sb_free(&d->route_name);
  sb_free(&d->filter_chain_name);
  sb_free(&d->downstream_local);
  sb_free(&d->downstream_remote);
  sb_free(&d->upstream_local.text);
  sb_free(&d->upstream_remote.text);
  sb_free(&d->upstream_cluster.text);
  sb_free(&d->virtual_cluster.text);
  string_map_free(&d->properties);
  string_map_free(&d->secrets);
  json_free(d->metadata);
  for (size_t i = 0; i < d->filter_state_len; i++) {
    sb_free(&d->filter_state[i].key);
    sb_free(&d->filter_state[i].value);
  }
  free(d->filter_state);
  sb_free(&d->route_cache);
  sb_free(&d->override_host);
  sb_free(&d->details);
  pthread_mutex_destroy(&d->mu);
}

/* ---- the C API's reads and writes ---- */

/* Copies text into scratch and points the out-parameters at it. The pointer is never
 * NULL, also for an empty value: Go tells "empty" from "absent" by it. */
static void answer(strbuf* scratch, const char* text, size_t len, uint64_t* value_data, int* value_len) {
  sb_clear(scratch);
  sb_append(scratch, text, len);
  *value_data = (uint64_t)(uintptr_t)scratch->data;
  *value_len = (int)len;
}

CAPIStatus sd_get_string_value(stream_data* d, int id, strbuf* scratch, uint64_t* value_data, int* value_len) {
  pthread_mutex_lock(&d->mu);
  const strbuf* text = NULL;
  const opt_string* opt = NULL;
  bool after_router = false;
  CAPIStatus st = CAPIOK;
  switch (id) {
    case 1: text = &d->route_name; break;
    case 2: text = &d->filter_chain_name; break;
    case 5:
      if (d->details_set) text = &d->details;
      else st = CAPIValueNotFound;
      break;
    case 7: text = &d->downstream_local; break;
    case 8: text = &d->downstream_remote; break;
    case 9: opt = &d->upstream_local, after_router = true; break;
    case 10: opt = &d->upstream_remote, after_router = true; break;
    case 11: opt = &d->upstream_cluster; break;
    case 12: opt = &d->virtual_cluster, after_router = true; break;
    default:
      /* The downstream connection has no TLS: every SSL value is missing. */
      st = id >= 106 && id <= 119 ? CAPIValueNotFound : CAPIInternalFailure;
  }
  if (opt) {
    if (opt->present && (!after_router || d->upstream_reached)) text = &opt->text;
    else st = CAPIValueNotFound;
  }
  if (text) answer(scratch, text->data ? text->data : "", text->len, value_data, value_len);
  pthread_mutex_unlock(&d->mu);
  return st;
}

CAPIStatus sd_get_integer_value(stream_data* d, int id, uint64_t* value) {
  pthread_mutex_lock(&d->mu);
  CAPIStatus st = CAPIOK;
  switch (id) {
    case 3:
      if (d->protocol >= 0) *value = (uint64_t)d->protocol;
      else st = CAPIValueNotFound;
      break;
    case 4:
      if (d->response_code_set) *value = d->response_code;
      else st = CAPIValueNotFound;
      break;
    case 6:
      if (d->upstream_reached) *value = d->attempt_count;
      else st = CAPIValueNotFound;
      break;
    case 100: *value = 0; break; /* SslConnectionExists: no TLS */
    default: st = id >= 101 && id <= 105 ? CAPIValueNotFound : CAPIInternalFailure;
  }
  pthread_mutex_unlock(&d->mu);
  return st;
}

static json_value* namespace_of(stream_data* d, const char* ns, size_t len) {
  for (size_t i = 0; i < d->metadata->count; i++) {
    if (d->metadata->key_lens[i] == len && (len == 0 || memcmp(d->metadata->keys[i], ns, len) == 0)) {
      return d->metadata->items[i];
    }
  }
  return NULL;
}

void sd_get_metadata(stream_data* d, const char* ns, size_t ns_len, strbuf* scratch, uint64_t* value_data, int* value_len) {
  pthread_mutex_lock(&d->mu);
  const json_value* fields = namespace_of(d, ns, ns_len);
  if (fields) {
    /* Envoy serializes the namespace's Struct; nothing is written for a namespace that
     * does not exist. */
    strbuf pb;
    sb_init(&pb);
    pb_json_struct(&pb, fields);
    answer(scratch, pb.data, pb.len, value_data, value_len);
    sb_free(&pb);
  }
  pthread_mutex_unlock(&d->mu);
}

bool sd_set_metadata(stream_data* d, const char* ns, size_t ns_len, const char* key, size_t key_len, const char* value,
                     size_t value_len) {
  json_value* v = pb_value_to_json(value, value_len);
  if (v == NULL) return false;
  pthread_mutex_lock(&d->mu);
  /* StreamInfo::setDynamicMetadata merges a one-field Struct: the key's value is replaced. */
  json_value* fields = namespace_of(d, ns, ns_len);
  if (fields == NULL) {
    fields = json_new_object();
    json_object_set(d->metadata, ns, ns_len, fields);
  }
  json_object_set(fields, key, key_len, v);
  pthread_mutex_unlock(&d->mu);
  return true;
}

void sd_get_filter_state(stream_data* d, const char* key, size_t len, strbuf* scratch, uint64_t* value_data, int* value_len) {
  pthread_mutex_lock(&d->mu);
  filter_state_entry* e = fs_find(d, key, len);
  if (e) answer(scratch, e->value.data ? e->value.data : "", e->value.len, value_data, value_len);
  pthread_mutex_unlock(&d->mu);
}

void sd_set_filter_state(stream_data* d, const char* key, size_t key_len, const char* value, size_t value_len,
                         int life_span, int stream_sharing) {
  pthread_mutex_lock(&d->mu);
  filter_state_entry* e = fs_find(d, key, key_len);
  /* FilterStateImpl::setData: a key lives at one life span; setting it at another one is
   * an Envoy bug report that changes nothing. */
  if (e == NULL || e->life_span == life_span) {
    if (e == NULL) e = fs_add(d, key, key_len);
    sb_clear(&e->value);
    sb_append(&e->value, value, value_len);
    e->life_span = life_span;
    e->stream_sharing = stream_sharing;
  }
  pthread_mutex_unlock(&d->mu);
}

CAPIStatus sd_get_property(stream_data* d, const char* path, size_t len, strbuf* scratch, uint64_t* value_data, int* value_len) {
  pthread_mutex_lock(&d->mu);
  const string_pair* p = string_map_get(&d->properties, path, len);
  if (p) answer(scratch, p->value.data ? p->value.data : "", p->value.len, value_data, value_len);
  pthread_mutex_unlock(&d->mu);
  return p ? CAPIOK : CAPIValueNotFound;
}

void sd_get_secret(stream_data* d, const char* name, size_t len, strbuf* scratch, uint64_t* value_data, int* value_len) {
  pthread_mutex_lock(&d->mu);
  const string_pair* p = string_map_get(&d->secrets, name, len);
  if (p) answer(scratch, p->value.data ? p->value.data : "", p->value.len, value_data, value_len);
  else *value_len = -1; /* Envoy's "no such secret" */
  pthread_mutex_unlock(&d->mu);
}

void sd_route_cache(stream_data* d, bool refresh) {
  pthread_mutex_lock(&d->mu);
  sb_append_char(&d->route_cache, refresh ? 'r' : 'c');
  pthread_mutex_unlock(&d->mu);
}

void sd_set_override_host(stream_data* d, const char* host, size_t len, bool strict) {
  pthread_mutex_lock(&d->mu);
  d->override_set = true;
  sb_clear(&d->override_host);
  sb_append(&d->override_host, host, len);
  d->override_strict = strict;
  pthread_mutex_unlock(&d->mu);
}

void sd_set_drain(stream_data* d) {
  pthread_mutex_lock(&d->mu);
  d->drain = true;
  pthread_mutex_unlock(&d->mu);
}

void sd_upstream_reached(stream_data* d) {
  pthread_mutex_lock(&d->mu);
  d->upstream_reached = true;
  pthread_mutex_unlock(&d->mu);
}

void sd_set_response_code(stream_data* d, uint64_t code) {
  pthread_mutex_lock(&d->mu);
  d->response_code_set = true;
  d->response_code = code;
  pthread_mutex_unlock(&d->mu);
}

void sd_set_details(stream_data* d, const char* details, size_t len) {
  pthread_mutex_lock(&d->mu);
  d->details_set = true;
  sb_clear(&d->details);
  sb_append(&d->details, details, len);
  pthread_mutex_unlock(&d->mu);
}

void sd_write_result(stream_data* d, strbuf* out) {
  pthread_mutex_lock(&d->mu);
  if (d->metadata->count > 0) {
    sb_append_str(out, ",\"metadata\":");
    json_write_value(out, d->metadata);
  }
  if (d->filter_state_len > 0) {
    sb_append_str(out, ",\"filterState\":{");
    for (size_t i = 0; i < d->filter_state_len; i++) {
      const filter_state_entry* e = &d->filter_state[i];
      if (i) sb_append_char(out, ',');
      json_write_text_lossy(out, e->key.data ? e->key.data : "", e->key.len);
      sb_append_str(out, ":{\"value\":");
      json_write_text_lossy(out, e->value.data ? e->value.data : "", e->value.len);
      sb_appendf(out, ",\"lifeSpan\":%d,\"streamSharing\":%d}", e->life_span, e->stream_sharing);
    }
    sb_append_char(out, '}');
  }
  if (d->route_cache.len > 0) {
    sb_append_str(out, ",\"routeCache\":[");
    for (size_t i = 0; i < d->route_cache.len; i++) {
      if (i) sb_append_char(out, ',');
      sb_append_str(out, d->route_cache.data[i] == 'r' ? "\"refresh\"" : "\"clear\"");
    }
    sb_append_char(out, ']');
  }
  if (d->override_set) {
    sb_append_str(out, ",\"upstreamOverrideHost\":{\"host\":");
    json_write_text_lossy(out, d->override_host.data ? d->override_host.data : "", d->override_host.len);
    sb_append_str(out, d->override_strict ? ",\"strict\":true}" : ",\"strict\":false}");
  }
  if (d->drain) sb_append_str(out, ",\"drainConnection\":true");
  pthread_mutex_unlock(&d->mu);
}

/* ---- Http::Utility::parseAuthority ---- */

/* absl::SimpleAtoi for a port: blanks around, an optional '+', decimal digits. */
static bool parse_port(const char* s, size_t len) {
  size_t i = 0;
  while (i < len && (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r'))) i++;
  if (i < len && s[i] == '+') i++;
  size_t digits = i;
  unsigned long long v = 0;
  while (i < len && s[i] >= '0' && s[i] <= '9') {
    v = v * 10 + (unsigned long long)(s[i] - '0');
    if (v > 65535) return false;
    i++;
  }
  if (i == digits) return false;
  while (i < len && (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r'))) i++;
  return i == len;
}

bool is_ip_authority(const char* host, size_t len) {
  size_t n = len;
  const char* colon = NULL;
  for (size_t i = len; i > 0; i--) {
    if (host[i - 1] == ':') {
      colon = host + i - 1;
      break;
    }
  }
  if (colon && len > 0 && host[len - 1] != ']' && parse_port(colon + 1, len - (size_t)(colon + 1 - host))) {
    n = (size_t)(colon - host);
  }
  const char* a = host;
  if (n >= 2 && a[0] == '[' && a[n - 1] == ']') {
    a++;
    n -= 2;
  }
  char buf[INET6_ADDRSTRLEN + 8];
  if (n == 0 || n >= sizeof buf || memchr(a, '\0', n)) return false;
  memcpy(buf, a, n);
  buf[n] = '\0';
  unsigned char addr[16];
  /* inet_pton refuses IPv6 zone ids, which depend on the machine's interfaces. */
  return inet_pton(AF_INET, buf, addr) == 1 || inet_pton(AF_INET6, buf, addr) == 1;
}
