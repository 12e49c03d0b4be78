/*
 * options.c - parsing of the CLI's offline options (see options.h).
 */
#include "options.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ringcap/file.h"
#include "ringcap/linktype.h"

static int opt_read(struct rc__cli_opts *o, const char *arg, char *err, size_t errlen)
{
	if (o->ninputs >= RC_CLI_MAX_INPUTS) {
		snprintf(err, errlen, "too many -r files (at most %d)", RC_CLI_MAX_INPUTS);
		return -1;
	}
	o->inputs[o->ninputs++] = arg;
	return 0;
}

static int opt_write(struct rc__cli_opts *o, const char *arg, char *err, size_t errlen)
{
	(void)err;
	(void)errlen;
	o->write_path = arg;
	return 0;
}

static int opt_count_limit(struct rc__cli_opts *o, const char *arg, char *err, size_t errlen)
{
	char *end;
	errno = 0;
	long v = strtol(arg, &end, 10);
	if (errno || *end || end == arg || v <= 0) {
		snprintf(err, errlen, "invalid packet count '%s' (expected a positive number)", arg);
		return -1;
	}
	o->count_limit = v;
	return 0;
}

#define FLAG_HANDLER(name, stmt)                                                         \
	static int name(struct rc__cli_opts *o, const char *arg, char *err, size_t errlen) \
	{                                                                                \
		(void)arg;                                                               \
		(void)err;                                                               \
		(void)errlen;                                                            \
		stmt;                                                                    \
		return 0;                                                                \
	}

FLAG_HANDLER(opt_count_only, o->count_only = 1)
FLAG_HANDLER(opt_n, o->nflag++)
FLAG_HANDLER(opt_e, o->print.eflag = 1)
FLAG_HANDLER(opt_q, o->print.qflag++)
FLAG_HANDLER(opt_S, o->print.Sflag = 1)
FLAG_HANDLER(opt_number, o->print.number = 1)
FLAG_HANDLER(opt_no_optimize, o->no_optimize = 1)
FLAG_HANDLER(opt_v, o->print.vflag++)
FLAG_HANDLER(opt_x, o->print.xflag++)
FLAG_HANDLER(opt_X, o->print.Xflag++)
FLAG_HANDLER(opt_A, o->print.Aflag++)
FLAG_HANDLER(opt_K, o->print.Kflag = 1)
FLAG_HANDLER(opt_f, o->fflag = 1)
/* -N shortens resolved names; ringcap resolves none, so there is nothing
 * to shorten. */
FLAG_HANDLER(opt_N, (void)o)
FLAG_HANDLER(opt_d, o->dump_style++)
FLAG_HANDLER(opt_version, o->show_version = 1)
FLAG_HANDLER(opt_help, o->show_help = 1)

/* -t counts: none given = local HH:MM:SS, -t = none, -tt = unix, ... */
static int opt_t(struct rc__cli_opts *o, const char *arg, char *err, size_t errlen)
{
	(void)arg;
	if (o->print.ts_style >= RC_TS_DELTA_FIRST) {
		snprintf(err, errlen, "at most five -t flags");
		return -1;
	}
	o->print.ts_style = o->print.ts_style == RC_TS_LOCAL_HMS ? RC_TS_NONE : o->print.ts_style + 1;
	return 0;
}

static int opt_format(struct rc__cli_opts *o, const char *arg, char *err, size_t errlen)
{
	if (strcmp(arg, "pcap") == 0)
		o->write_format = RC_FORMAT_PCAP;
	else if (strcmp(arg, "pcapng") == 0)
		o->write_format = RC_FORMAT_PCAPNG;
	else {
		snprintf(err, errlen, "unknown --format '%s' (expected pcap or pcapng)", arg);
		return -1;
	}
	return 0;
}

static int opt_filter_file(struct rc__cli_opts *o, const char *arg, char *err, size_t errlen)
{
	(void)err;
	(void)errlen;
	o->filter_file = arg;
	return 0;
}

static int opt_linktype(struct rc__cli_opts *o, const char *arg, char *err, size_t errlen)
{
	int lt = rc_linktype_from_name(arg);
	if (lt < 0) {
		snprintf(err, errlen, "unknown link type '%s'", arg);
		return -1;
	}
	o->dump_linktype = lt;
	return 0;
}

static int opt_precision(struct rc__cli_opts *o, const char *arg, char *err, size_t errlen)
{
	if (strcmp(arg, "nano") == 0)
		o->print.ts_nano = 1;
	else if (strcmp(arg, "micro") == 0)
		o->print.ts_nano = 0;
	else {
		snprintf(err, errlen, "unknown --time-stamp-precision '%s' (micro or nano)", arg);
		return -1;
	}
	o->ts_precision_set = 1;
	return 0;
}

/* --micro and --nano: tcpdump's shorthands for --time-stamp-precision. */
static int opt_micro(struct rc__cli_opts *o, const char *arg, char *err, size_t errlen)
{
	(void)arg;
	return opt_precision(o, "micro", err, errlen);
}

static int opt_nano(struct rc__cli_opts *o, const char *arg, char *err, size_t errlen)
{
	(void)arg;
	return opt_precision(o, "nano", err, errlen);
}

static const struct rc__optdef rc__offline_opts[] = {
	{ 'r', NULL, 1, opt_read, "read packets from FILE (\"-\" = stdin); repeatable", "FILE", 0 },
	{ 'w', NULL, 1, opt_write, "write packets to FILE (\"-\" = stdout) instead of printing", "FILE", 0 },
	{ 0, "format", 1, opt_format, "format for -w: pcap or pcapng (default: by extension)", "FMT", 0 },
	{ 'c', NULL, 1, opt_count_limit, "stop after N matching packets", "N", 0 },
	{ 0, "count", 0, opt_count_only, "print only the number of matching packets (with -i: print none)", NULL, 0 },
	{ 'n', NULL, 0, opt_n, "numeric addresses and ports (always on; -nn accepted)", NULL, 0 },
	{ 'N', NULL, 0, opt_N, "no domain part in host names (no effect: names are never resolved)", NULL, 0 },
	{ 'f', NULL, 0, opt_f, "foreign IPv4 addresses numerically (no effect; not with -r)", NULL, 0 },
	{ 'e', NULL, 0, opt_e, "print link-level headers", NULL, 0 },
	{ 'q', NULL, 0, opt_q, "quieter protocol summaries", NULL, 0 },
	{ 'S', "absolute-tcp-sequence-numbers", 0, opt_S, "absolute TCP sequence numbers", NULL, 0 },
	{ '#', "number", 0, opt_number, "print a packet number at the start of each line", NULL, 0 },
	{ 't', NULL, 0, opt_t, "-t none, -tt epoch, -ttt delta, -tttt date, -ttttt since first", NULL, 0 },
	{ 0, "time-stamp-precision", 1, opt_precision, "micro (default) or nano", "P", 0 },
	{ 0, "micro", 0, opt_micro, "= --time-stamp-precision micro", NULL, 0 },
	{ 0, "nano", 0, opt_nano, "= --time-stamp-precision nano", NULL, 0 },
	{ 'v', NULL, 0, opt_v, "more detail (IP header fields, checksums); -vv, -vvv: more", NULL, 0 },
	{ 'K', "dont-verify-checksums", 0, opt_K, "with -v, do not verify IP, TCP and UDP checksums", NULL, 0 },
	{ 'x', NULL, 0, opt_x, "hex dump after the link header (-xx: whole frame)", NULL, 0 },
	{ 'X', NULL, 0, opt_X, "hex and ASCII dump (-XX: whole frame)", NULL, 0 },
	{ 'A', NULL, 0, opt_A, "the packet as ASCII text after the link header (-AA: whole frame)", NULL, 0 },
	{ 'F', NULL, 1, opt_filter_file, "read the filter expression from FILE", "FILE", 0 },
	{ 'y', "linktype", 1, opt_linktype, "link type: for -d, or with -i the capture's (LINUX_SLL2: cooked; see -L)", "TYPE", 0 },
	{ 'd', NULL, 0, opt_d, "dump the filter compiled for -r, -i or -y (-dd C array, -ddd decimal)", NULL, 0 },
	{ 'O', "no-optimize", 0, opt_no_optimize, "do not run the filter optimizer", NULL, 0 },
	{ 0, "version", 0, opt_version, "print the version and exit", NULL, 0 },
	{ 'h', "help", 0, opt_help, "this help", NULL, 0 },
};

/* Every option table; live-capture options add theirs here. */
static const struct {
	const struct rc__optdef *defs;
	size_t n;
} rc__opt_tables[] = {
	{ rc__offline_opts, sizeof(rc__offline_opts) / sizeof(rc__offline_opts[0]) },
	{ rc__live_optdefs, RC_CLI_LIVE_OPTDEFS_COUNT },
};

#define NTABLES (sizeof(rc__opt_tables) / sizeof(rc__opt_tables[0]))

static const struct rc__optdef *find_short(char ch)
{
	for (size_t t = 0; t < NTABLES; t++)
		for (size_t i = 0; i < rc__opt_tables[t].n; i++)
			if (rc__opt_tables[t].defs[i].short_name == ch)
				return &rc__opt_tables[t].defs[i];
	return NULL;
}

/* "option '--NAME' is ambiguous; possibilities: '--a' '--b'", glibc's words. */
static void ambiguous(const char *name, size_t len, char *err, size_t errlen)
{
	size_t used = (size_t)snprintf(err, errlen, "option '--%.*s' is ambiguous; possibilities:",
				       (int)len, name);
	for (size_t t = 0; t < NTABLES; t++)
		for (size_t i = 0; i < rc__opt_tables[t].n && used < errlen; i++) {
			const char *ln = rc__opt_tables[t].defs[i].long_name;
			if (ln && strncmp(ln, name, len) == 0)
				used += (size_t)snprintf(err + used, errlen - used, " '--%s'", ln);
		}
}

/*
 * The option a long name (up to '=' or the end of word) names, as
 * getopt_long finds it: the option spelled so, else the only one whose
 * name starts so.  NULL with a message if none or several do.
 */
static const struct rc__optdef *find_long(const char *word, char *err, size_t errlen)
{
	size_t len = strcspn(word, "=");
	const struct rc__optdef *prefix_of = NULL;
	int nprefix = 0;
	for (size_t t = 0; t < NTABLES && len; t++)
		for (size_t i = 0; i < rc__opt_tables[t].n; i++) {
			const struct rc__optdef *d = &rc__opt_tables[t].defs[i];
			if (!d->long_name || strncmp(d->long_name, word, len) != 0)
				continue;
			if (d->long_name[len] == '\0')
				return d;
			prefix_of = d;
			nprefix++;
		}
	if (nprefix == 1)
		return prefix_of;
	if (nprefix == 0)
		snprintf(err, errlen, "unrecognized option '--%s'", word);
	else
		ambiguous(word, len, err, errlen);
	return NULL;
}

void rc__cli_short_usage(FILE *out)
{
	fprintf(out, "usage: ringcap [-i IFACE | -r FILE] [-w OUT] [OPTION ...] [EXPRESSION]"
		     " (ringcap -h lists the options)\n");
}

void rc__cli_usage(FILE *out)
{
	fprintf(out, "usage: ringcap [-i IFACE ...] [-w OUT] [OPTION ...] [EXPRESSION]\n"
		     "       ringcap -r FILE [-r FILE ...] [-w OUT] [OPTION ...] [EXPRESSION]\n"
		     "       ringcap -D | -L [-i IFACE] | -d [-r FILE | -i IFACE | -y TYPE] [EXPRESSION]\n"
		     "       ringcap --version | -h\n"
		     "Without -i: the first interface of -D that is up, not loopback, not \"any\".\n"
		     "Options may also follow the expression (\"--\" ends them); a long option\n"
		     "may be shortened to a prefix that names only it (--coun = --count).\n");
	for (size_t t = 0; t < NTABLES; t++)
		for (size_t i = 0; i < rc__opt_tables[t].n; i++) {
			const struct rc__optdef *d = &rc__opt_tables[t].defs[i];
			char name[64];
			if (!d->help)
				continue;
			if (d->short_name && d->long_name)
				snprintf(name, sizeof(name), "-%c, --%s%s%s", d->short_name, d->long_name,
					 d->takes_arg ? " " : "", d->takes_arg ? d->arg_name : "");
			else if (d->short_name)
				snprintf(name, sizeof(name), "-%c%s%s", d->short_name, d->takes_arg ? " " : "",
					 d->takes_arg ? d->arg_name : "");
			else
				snprintf(name, sizeof(name), "--%s%s%s", d->long_name, d->takes_arg ? " " : "",
					 d->takes_arg ? d->arg_name : "");
			fprintf(out, "  %-35s %s\n", name, d->help);
		}
}

/* Append word to the filter expression, which has room for every word of
 * argv (rc__cli_parse). */
static void add_word(struct rc__cli_opts *o, const char *word)
{
	if (o->filter_expr[0])
		strcat(o->filter_expr, " ");
	strcat(o->filter_expr, word);
}

/* Run d's handler; the first live-only option is remembered by the name
 * it was given (as_long: its long name, else its letter). */
static int apply(struct rc__cli_opts *o, const struct rc__optdef *d, int as_long, const char *arg,
		 char *err, size_t errlen)
{
	if (d->live_only && !o->live_only_opt[0]) {
		if (as_long)
			snprintf(o->live_only_opt, sizeof(o->live_only_opt), "--%s", d->long_name);
		else
			snprintf(o->live_only_opt, sizeof(o->live_only_opt), "-%c", d->short_name);
	}
	return d->handler(o, arg, err, errlen);
}

/* argv[*i] is "--NAME" or "--NAME=ARG"; an argument may also be the next
 * word, which *i then passes. */
static int parse_long(struct rc__cli_opts *o, int argc, char **argv, int *i, char *err,
		      size_t errlen)
{
	const char *word = argv[*i] + 2, *eq = strchr(word, '=');
	const struct rc__optdef *d = find_long(word, err, errlen);
	if (!d)
		return -1;
	const char *arg = NULL;
	if (d->takes_arg) {
		if (eq)
			arg = eq + 1;
		else if (*i + 1 < argc)
			arg = argv[++*i];
		else {
			snprintf(err, errlen, "option '--%s' requires an argument", d->long_name);
			return -1;
		}
	} else if (eq) {
		snprintf(err, errlen, "option '--%s' doesn't allow an argument", d->long_name);
		return -1;
	}
	return apply(o, d, 1, arg, err, errlen);
}

/* argv[*i] is "-abc": letters, the last one that takes an argument
 * taking the rest of the word or the next word. */
static int parse_short(struct rc__cli_opts *o, int argc, char **argv, int *i, char *err,
		       size_t errlen)
{
	for (const char *p = argv[*i] + 1; *p; p++) {
		const struct rc__optdef *d = find_short(*p);
		if (!d) {
			snprintf(err, errlen, "invalid option -- '%c'", *p);
			return -1;
		}
		if (!d->takes_arg) {
			if (apply(o, d, 0, NULL, err, errlen) < 0)
				return -1;
			continue;
		}
		const char *arg;
		if (p[1])
			arg = p + 1;
		else if (*i + 1 < argc)
			arg = argv[++*i];
		else {
			snprintf(err, errlen, "option requires an argument -- '%c'", *p);
			return -1;
		}
		return apply(o, d, 0, arg, err, errlen);
	}
	return 0;
}

int rc__cli_parse(int argc, char **argv, struct rc__cli_opts *o, char *err, size_t errlen)
{
	memset(o, 0, sizeof(*o));
	o->dump_linktype = -1;
	size_t room = 1;
	for (int i = 1; i < argc; i++)
		room += strlen(argv[i]) + 1;
	o->filter_expr = calloc(1, room);
	if (!o->filter_expr) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	/* glibc's getopt moves options found after words to the front unless
	 * POSIXLY_CORRECT is set; tcpdump inherits both behaviours. */
	int permute = getenv("POSIXLY_CORRECT") == NULL, nwords = 0, i = 1;
	for (; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--") == 0) {
			i++;
			break;
		}
		if (a[0] != '-' || a[1] == '\0') {
			if (!permute)
				break;
			add_word(o, a);
			nwords++;
			continue;
		}
		if ((a[1] == '-' ? parse_long(o, argc, argv, &i, err, errlen)
				 : parse_short(o, argc, argv, &i, err, errlen)) < 0)
			return -1;
	}
	for (; i < argc; i++, nwords++)
		add_word(o, argv[i]);
	/* With -F, the modes filter with the file and the words stay unused,
	 * as tcpdump 4.99.3 ignores them (main.c warns). */
	if (nwords == 0) {
		free(o->filter_expr);
		o->filter_expr = NULL;
	}
	return 0;
}

/* --json or --print where no packet is printed: the reason, or NULL.  -d
 * prints only the program and ignores every output option, as tcpdump does. */
static const char *unprinted(const struct rc__cli_opts *o)
{
	if (o->dump_style)
		return NULL;
	if (o->count_only && o->live.json)
		return "--json: --count prints no packets";
	if (o->count_only && o->live.print_too)
		return "--print: --count prints no packets";
	if (o->live.json && o->write_path && !o->live.print_too)
		return o->live.nifaces ? "--json: -w writes the packets instead of printing them; "
					 "add --print to print them too"
				       : "--json: -w writes the packets instead of printing them";
	return NULL;
}

int rc__cli_check(const struct rc__cli_opts *o, char *err, size_t errlen)
{
	int capturing = o->live.nifaces || o->live.list_devices || o->live.list_linktypes ||
			o->live.list_tstamp_types;
	const char *why = unprinted(o);
	if (why)
		snprintf(err, errlen, "%s", why);
	else if (o->fflag && o->ninputs)
		/* tcpdump's refusal: -f needs the local network, which a file lacks. */
		snprintf(err, errlen, "-f can not be used with -r");
	else if (o->ninputs && !o->live.nifaces &&
		 (o->live.list_linktypes || o->live.list_tstamp_types))
		/* Without -i they list the default interface's types, which
		 * has nothing to do with the files read. */
		snprintf(err, errlen, "%s: for live capture (-i), not for files (-r)",
			 o->live.list_tstamp_types ? "-J" : "-L");
	else if (!capturing && o->live_only_opt[0])
		snprintf(err, errlen, "%s: for live capture (-i), not for files (-r)", o->live_only_opt);
	else if (!capturing && o->dump_linktype >= 0 && !o->dump_style)
		/* tcpdump -r ignores -y; a file's packets keep the file's link type. */
		snprintf(err, errlen, "-y: for live capture (-i) and -d, not for files (-r)");
	else
		return 0;
	return -1;
}

void rc__cli_opts_free(struct rc__cli_opts *o)
{
	free(o->filter_expr);
	o->filter_expr = NULL;
}

#define RC_MAX_FILTER_FILE_BYTES (1u << 20)

char *rc__cli_read_filter_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "ringcap: cannot open filter file %s: %s\n", path, strerror(errno));
		return NULL;
	}
	char *buf = malloc(RC_MAX_FILTER_FILE_BYTES + 1);
	size_t n = buf ? fread(buf, 1, RC_MAX_FILTER_FILE_BYTES + 1, f) : 0;
	/* A directory opens; reading it fails with EISDIR. */
	const char *why = !buf ? "out of memory"
			  : ferror(f) ? strerror(errno)
			  : n > RC_MAX_FILTER_FILE_BYTES ? "larger than 1 MiB"
							 : NULL;
	fclose(f);
	if (why) {
		fprintf(stderr, "ringcap: filter file %s: %s\n", path, why);
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	int comment = 0;
	for (size_t i = 0; i < n; i++) {
		if (buf[i] == '#')
			comment = 1;
		else if (buf[i] == '\n')
			comment = 0;
		if (comment || buf[i] == '\n' || buf[i] == '\r' || buf[i] == '\t' || buf[i] == '\0')
			buf[i] = ' ';
	}
	return buf;
}

int rc__cli_format_of_name(const char *path)
{
	size_t n = strlen(path);
	return n >= 7 && strcmp(path + n - 7, ".pcapng") == 0 ? RC_FORMAT_PCAPNG : RC_FORMAT_PCAP;
}
