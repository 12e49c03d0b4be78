/*
 * error.c - status code names and default messages, generated from
 * RC_ERRNO_MAP so that the table cannot disagree with the enum.
 */
#include "ringcap/error.h"

static const char *const rc__messages[] = {
	"success",
#define RC__XX(name, msg) msg,
	RC_ERRNO_MAP(RC__XX)
#undef RC__XX
};

static const char *const rc__names[] = {
	"OK",
#define RC__XX(name, msg) "E" #name,
	RC_ERRNO_MAP(RC__XX)
#undef RC__XX
};

const char *rc_strerror(int status)
{
	if (status >= 0)
		return rc__messages[0];
	if (status <= -(int)RC__IDX_END) /* not -status: INT_MIN has no negation */
		return "unknown error";
	return rc__messages[-status];
}

const char *rc_errname(int status)
{
	if (status >= 0)
		return rc__names[0];
	if (status <= -(int)RC__IDX_END)
		return "EUNKNOWN";
	return rc__names[-status];
}
