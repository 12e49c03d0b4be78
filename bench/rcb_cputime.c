/*
 * rcb_cputime.c - run a command several times and report its CPU and wall
 * time: the measuring wrapper behind bench/cli.sh and bench/offline.sh.
 *
 * usage: rcb_cputime [-r RUNS] [-o FILE] [-i FILE] [-p CPU] -- COMMAND [ARG]...
 *   -r RUNS   how many runs (default 5, at most 64)
 *   -o FILE   the command's stdout goes to FILE, truncated before each run
 *             (default /dev/null); stderr always goes to /dev/null
 *   -i FILE   the command's stdin comes from FILE (default /dev/null)
 *   -p CPU    pin the command to this CPU (sched_setaffinity before exec)
 *
 * CPU time is the child's user + system time from wait4(2), so it counts
 * every thread of the command and nothing of this wrapper.  Prints one line:
 *   cpu_median cpu_min cpu_max wall_median wall_min wall_max   (seconds)
 * and exits 0, or prints a message to stderr and exits 1 when a run fails
 * (exec failure, non-zero exit, signal) - a benchmark of a command that did
 * not do its work would be meaningless.
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "rcb_stats.h"

#define MAX_RUNS 64

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* One run; CPU and wall seconds, or -1 with a message on stderr. */
static int run_once(char *const argv[], const char *out, const char *in, int cpu, double *cpu_s,
		    double *wall_s)
{
	double t0 = now_s();
	pid_t pid = fork();
	if (pid < 0) {
		perror("rcb_cputime: fork");
		return -1;
	}
	if (pid == 0) {
		int ofd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		int ifd = open(in, O_RDONLY);
		int nfd = open("/dev/null", O_WRONLY);
		if (ofd < 0 || ifd < 0 || nfd < 0)
			_exit(126);
		if (cpu >= 0) {
			cpu_set_t s;
			CPU_ZERO(&s);
			CPU_SET(cpu, &s);
			(void)sched_setaffinity(0, sizeof(s), &s);
		}
		dup2(ifd, 0);
		dup2(ofd, 1);
		dup2(nfd, 2);
		execvp(argv[0], argv);
		_exit(127);
	}
	int st;
	struct rusage ru;
	pid_t w;
	while ((w = wait4(pid, &st, 0, &ru)) < 0 && errno == EINTR)
		;
	*wall_s = now_s() - t0;
	if (w < 0) {
		perror("rcb_cputime: wait4");
		return -1;
	}
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		fprintf(stderr, "rcb_cputime: %s: %s %d\n", argv[0],
			WIFEXITED(st) ? "exit status" : "killed by signal",
			WIFEXITED(st) ? WEXITSTATUS(st) : WTERMSIG(st));
		return -1;
	}
	*cpu_s = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
		 (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
	return 0;
}

int main(int argc, char **argv)
{
	int runs = 5, cpu = -1, opt;
	const char *out = "/dev/null", *in = "/dev/null";
	while ((opt = getopt(argc, argv, "+r:o:i:p:")) != -1) {
		switch (opt) {
		case 'r': runs = atoi(optarg); break;
		case 'o': out = optarg; break;
		case 'i': in = optarg; break;
		case 'p': cpu = atoi(optarg); break;
		default: goto usage;
		}
	}
	if (optind >= argc || runs < 1 || runs > MAX_RUNS)
		goto usage;
	double cpu_s[MAX_RUNS], wall_s[MAX_RUNS];
	for (int i = 0; i < runs; i++)
		if (run_once(argv + optind, out, in, cpu, &cpu_s[i], &wall_s[i]) != 0)
			return 1;
	rcb_stats c = rcb_summary(cpu_s, (size_t)runs), w = rcb_summary(wall_s, (size_t)runs);
	printf("%.6f %.6f %.6f %.6f %.6f %.6f\n", c.med, c.min, c.max, w.med, w.min, w.max);
	return 0;
usage:
	fprintf(stderr, "usage: rcb_cputime [-r RUNS(1..%d)] [-o FILE] [-i FILE] [-p CPU] -- "
			"COMMAND [ARG]...\n",
		MAX_RUNS);
	return 2;
}
