/*
 * test_filter_compile_golden.c - compiled programs for a handful of
 * expressions, compared with tcpdump -d style dumps kept in
 * tests/filter/golden/NAME.txt.  Each file starts with
 *     # linktype: EN10MB
 *     # expr: tcp port 80
 * followed by the rc_bpf_dump(style 1) text.  A change of code generation or
 * optimizer shows up here as a readable diff; after checking that the new
 * program is right, regenerate with RC_UPDATE_GOLDEN=1 rc_tests golden.
 */
#include "harness.h"
#include "testutil.h"

#include <dirent.h>

#include "ringcap/filter.h"
#include "ringcap/linktype.h"

static char *dump(const char *expr, int lt)
{
	rc_bpf_prog p;
	char err[RC_ERRBUF_SIZE];
	if (rc_filter_compile(&p, expr, lt, 262144, 0xffffff00u, NULL, err) != 0)
		rc_test_fail(__FILE__, __LINE__, "compile \"%s\": %s", expr, err);
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	ASSERT_TRUE(f != NULL);
	ASSERT_OK(rc_bpf_dump(f, p.insns, p.len, 1));
	fclose(f);
	rc_bpf_prog_free(&p);
	return text;
}

TEST(filter_golden_dumps_match)
{
	char dir[512];
	snprintf(dir, sizeof(dir), "%s/tests/filter/golden", rc_test_srcdir());
	DIR *d = opendir(dir);
	ASSERT_TRUE(d != NULL);
	int files = 0, update = getenv("RC_UPDATE_GOLDEN") != NULL;
	for (struct dirent *e; (e = readdir(d));) {
		size_t nl = strlen(e->d_name);
		if (nl < 5 || strcmp(e->d_name + nl - 4, ".txt") != 0)
			continue;
		char path[1024];
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		size_t len;
		char *g = (char *)rc_test_read_file(path, &len);
		g = realloc(g, len + 1);
		g[len] = '\0';
		char ltname[64], expr[512];
		char *body = NULL;
		ASSERT_INT_EQ(sscanf(g, "# linktype: %63s", ltname), 1);
		char *x = strstr(g, "\n# expr: ");
		ASSERT_TRUE(x != NULL);
		x += 9;
		char *eol = strchr(x, '\n');
		ASSERT_TRUE(eol != NULL && (size_t)(eol - x) < sizeof(expr));
		memcpy(expr, x, (size_t)(eol - x));
		expr[eol - x] = '\0';
		body = eol + 1;
		int lt = rc_linktype_from_name(ltname);
		ASSERT_INT_GE(lt, 0);
		char *got = dump(expr, lt);
		if (update) {
			FILE *f = fopen(path, "w");
			ASSERT_TRUE(f != NULL);
			fprintf(f, "# linktype: %s\n# expr: %s\n%s", ltname, expr, got);
			fclose(f);
		} else if (strcmp(got, body) != 0) {
			rc_test_fail(__FILE__, __LINE__, "%s: \"%s\" compiles to\n%s\nexpected\n%s",
				     e->d_name, expr, got, body);
		}
		free(got);
		free(g);
		files++;
	}
	closedir(d);
	ASSERT_INT_GE(files, 5);
}
