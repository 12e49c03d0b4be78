/*
 * ringcap/error.h - status codes shared by every ringcap function.
 *
 * Every fallible function returns an int: 0 (or a non-negative count) on
 * success, or one of the negative RC_E* codes below.  The handle involved
 * (reader, writer, capture, ...) additionally keeps a human-readable message
 * that names *what* failed and *where* (file offset, device, expression
 * column); constructors that have no handle yet write that message into a
 * caller-supplied buffer of RC_ERRBUF_SIZE bytes.
 *
 * The list is an X-macro so that names, numbers and default messages can
 * never drift apart (the idea comes from libuv's UV_ERRNO_MAP).
 */
#ifndef RINGCAP_ERROR_H
#define RINGCAP_ERROR_H

#ifdef __cplusplus
extern "C" {
#endif

/* Size of every caller-supplied error buffer, including the NUL. */
#define RC_ERRBUF_SIZE 256

/* XX(NAME, default message).  Values are assigned in order from -1 down. */
#define RC_ERRNO_MAP(XX)                                                   \
	XX(INVAL, "invalid argument")                                      \
	XX(NOMEM, "out of memory")                                         \
	XX(IO, "input/output error")                                       \
	XX(FORMAT, "malformed input")                                      \
	XX(TRUNC, "truncated input")                                       \
	XX(EOF, "end of input")                                            \
	XX(NOTSUP, "not supported")                                        \
	XX(STATE, "operation not valid in this state")                     \
	XX(PERM, "permission denied")                                      \
	XX(NODEV, "no such device")                                        \
	XX(NETDOWN, "network interface is down or gone")                   \
	XX(AGAIN, "no packet available now")                               \
	XX(BREAK, "loop broken by rc_*_breakloop")                         \
	XX(SYNTAX, "syntax error")                                         \
	XX(LIMIT, "size limit exceeded")                                   \
	XX(NOSPC, "no space left on device")                               \
	XX(NOENT, "no such file or name")

/* Positions in the map, starting at 1; internal, use the RC_E* names. */
enum rc__errno_index {
	RC__IDX_NONE = 0,
#define RC__XX(name, msg) RC__IDX_##name,
	RC_ERRNO_MAP(RC__XX)
#undef RC__XX
	RC__IDX_END
};

/* Status codes: RC_OK, then RC_EINVAL = -1, RC_ENOMEM = -2, ... */
enum rc_status {
	RC_OK = 0,
#define RC__XX(name, msg) RC_E##name = -RC__IDX_##name,
	RC_ERRNO_MAP(RC__XX)
#undef RC__XX
};

/*
 * rc_strerror - default message for a status code.
 * Returns a pointer to a static string (never NULL; "success" for 0 and
 * positive values, "unknown error" for codes outside the map).
 */
const char *rc_strerror(int status);

/*
 * rc_errname - the code's name without prefix ("EINVAL"), static string.
 */
const char *rc_errname(int status);

#ifdef __cplusplus
}
#endif
#endif /* RINGCAP_ERROR_H */
