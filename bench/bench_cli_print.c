/*
 * bench_cli_print.c - CPU cost of printing one-line summaries:
 * `ringcap -n -r F > /dev/null` against `tcpdump -n -r F > /dev/null` on the
 * same generated capture, in the same run.  Prints both times and the ratio
 * (target: ringcap at least 2x faster).  No pass/fail: speed is reported,
 * not asserted.
 *
 * usage: bench_cli_print [packets]   (default 1000000; BENCH_QUICK=1: 100000)
 * The ringcap binary is found next to this program's directory (build/ringcap).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* A mix of frames: TCP with options and payload, DNS query and answer,
 * ICMP echo, ARP, IPv6 ICMPv6 echo. */
static const uint8_t f_tcp[] = {
	0x02,0,0,0,0,2, 0x02,0,0,0,0,1, 0x08,0x00,
	0x45,0x00,0x00,0x49,0x00,0x03,0x40,0x00,0x40,0x06,0x26,0xaa,10,0,0,1,10,0,0,2,
	0x9c,0x40,0x00,0x50,0x00,0x00,0x03,0xe9,0x00,0x00,0x13,0x89,0x50,0x18,0x01,0xf6,0x6d,0xa9,0x00,0x00,
	'G','E','T',' ','/',' ','H','T','T','P','/','1','.','1','\r','\n','H','o','s','t',':',' ',
	'e','x','a','m','p','l','e','\r','\n','\r','\n',
};
static const uint8_t f_syn[] = {
	0x02,0,0,0,0,2, 0x02,0,0,0,0,1, 0x08,0x00,
	0x45,0x00,0x00,0x3c,0x00,0x01,0x40,0x00,0x40,0x06,0x26,0xb9,10,0,0,1,10,0,0,2,
	0x9c,0x40,0x00,0x50,0x00,0x00,0x03,0xe8,0x00,0x00,0x00,0x00,0xa0,0x02,0xfa,0xf0,0x94,0xac,0x00,0x00,
	0x02,0x04,0x05,0xb4,0x04,0x02,0x08,0x0a,0x00,0x00,0x03,0xe8,0x00,0x00,0x00,0x00,0x01,0x03,0x03,0x07,
};
static const uint8_t f_dns[] = {
	0x02,0,0,0,0,2, 0x02,0,0,0,0,1, 0x08,0x00,
	0x45,0x00,0x00,0x39,0x00,0x01,0x00,0x00,0x40,0x11,0x66,0x7e,10,0,0,1,10,0,0,53,
	0x82,0x35,0x00,0x35,0x00,0x25,0x00,0x00,
	0x12,0x34,0x01,0x00,0x00,0x01,0x00,0x00,0x00,0x00,0x00,0x00,
	7,'e','x','a','m','p','l','e',3,'c','o','m',0,0x00,0x01,0x00,0x01,
};
static const uint8_t f_icmp[] = {
	0x02,0,0,0,0,2, 0x02,0,0,0,0,1, 0x08,0x00,
	0x45,0x00,0x00,0x1c,0x00,0x64,0x00,0x00,0x40,0x01,0x66,0x1a,10,0,0,1,10,0,0,2,
	0x08,0x00,0xf7,0xdf,0x00,0x1f,0x00,0x01,
};
static const uint8_t f_arp[] = {
	0xff,0xff,0xff,0xff,0xff,0xff, 0x02,0,0,0,0,1, 0x08,0x06,
	0x00,0x01,0x08,0x00,0x06,0x04,0x00,0x01, 0x02,0,0,0,0,1, 10,0,0,1, 0,0,0,0,0,0, 10,0,0,2,
};
static const uint8_t f_icmp6[] = {
	0x02,0,0,0,0,2, 0x02,0,0,0,0,1, 0x86,0xdd,
	0x60,0,0,0, 0x00,0x08,0x3a,0x40,
	0x20,0x01,0x0d,0xb8,0,0,0,0,0,0,0,0,0,0,0,1, 0x20,0x01,0x0d,0xb8,0,0,0,0,0,0,0,0,0,0,0,2,
	0x80,0x00,0x00,0x00,0x00,0x10,0x00,0x01,
};

static const struct {
	const uint8_t *b;
	size_t n;
} frames[] = {
	{ f_tcp, sizeof(f_tcp) }, { f_syn, sizeof(f_syn) }, { f_dns, sizeof(f_dns) },
	{ f_icmp, sizeof(f_icmp) }, { f_arp, sizeof(f_arp) }, { f_icmp6, sizeof(f_icmp6) },
};

static int write_capture(const char *path, long npkts)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	uint32_t hdr[6] = { 0xa1b2c3d4, 2 | (4u << 16), 0, 0, 65535, 1 };
	fwrite(hdr, sizeof(hdr), 1, f);
	for (long i = 0; i < npkts; i++) {
		size_t k = (size_t)i % (sizeof(frames) / sizeof(frames[0]));
		uint32_t rec[4] = { 1700000000u + (uint32_t)(i / 1000), (uint32_t)(i % 1000) * 1000u,
				    (uint32_t)frames[k].n, (uint32_t)frames[k].n };
		fwrite(rec, sizeof(rec), 1, f);
		fwrite(frames[k].b, frames[k].n, 1, f);
	}
	return fclose(f);
}

/* Run argv with stdout and stderr on /dev/null; CPU seconds (user+sys). */
static double run_cpu(char *const argv[], double *wall)
{
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		int fd = open("/dev/null", O_WRONLY);
		dup2(fd, 1);
		dup2(fd, 2);
		execvp(argv[0], argv);
		_exit(127);
	}
	int st;
	struct rusage ru;
	if (wait4(pid, &st, 0, &ru) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
		return -1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	*wall = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	return (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + (double)ru.ru_stime.tv_sec +
	       ru.ru_stime.tv_usec / 1e6;
}

int main(int argc, char **argv)
{
	long npkts = getenv("BENCH_QUICK") ? 100000 : 1000000;
	if (argc > 1)
		npkts = atol(argv[1]);
	char self[4096], ringcap[4200], cap[64];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n <= 0)
		return 1;
	self[n] = '\0';
	char *slash = strrchr(self, '/');
	*slash = '\0';
	slash = strrchr(self, '/');
	if (slash)
		*slash = '\0';
	snprintf(ringcap, sizeof(ringcap), "%s/ringcap", self);
	snprintf(cap, sizeof(cap), "/tmp/bench_cli_print.%d.pcap", (int)getpid());
	if (write_capture(cap, npkts) != 0) {
		fprintf(stderr, "cannot write %s: %s\n", cap, strerror(errno));
		return 1;
	}
	char *rc_argv[] = { ringcap, "-n", "-r", cap, NULL };
	char *td_argv[] = { "tcpdump", "-n", "-r", cap, NULL };
	double rw = 0, tw = 0;
	double rc_cpu = run_cpu(rc_argv, &rw);
	double td_cpu = run_cpu(td_argv, &tw);
	unlink(cap);
	if (rc_cpu < 0) {
		fprintf(stderr, "could not run %s\n", ringcap);
		return 1;
	}
	printf("print %ld packets with -n to /dev/null\n", npkts);
	printf("  ringcap: %.3f s CPU (%.3f s wall), %.0f ns/packet\n", rc_cpu, rw, rc_cpu * 1e9 / npkts);
	if (td_cpu < 0) {
		printf("  tcpdump: not available\n");
		return 0;
	}
	printf("  tcpdump: %.3f s CPU (%.3f s wall), %.0f ns/packet\n", td_cpu, tw, td_cpu * 1e9 / npkts);
	printf("  ratio tcpdump/ringcap CPU: %.2fx (target >= 2x)\n", rc_cpu > 0 ? td_cpu / rc_cpu : 0.0);
	return 0;
}
