package testdb

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// debianPGRoot is where Debian's postgresql-N packages put the server binaries (N/bin).
const debianPGRoot = "/usr/lib/postgresql"

// server is a private PostgreSQL server: a data directory in a temporary directory and a
// postmaster started by pg_ctl.
type server struct {
	binDir  string
	dir     string // temporary directory holding everything below
	dataDir string
	sockDir string
	logFile string
	port    int
	url     string
	cred    *syscall.Credential // set when running as root: run as the "postgres" OS user
	env     []string

	watchdog  *exec.Cmd
	watchdogW *os.File // closing it (or the process dying) makes the watchdog clean up
}

// newServer makes the directories of a server of the binaries in binDir, in a new temporary
// directory named from prefix (owned by the postgres OS user when running as root), and starts
// its watchdog; on failure it removes what it made.
func newServer(binDir, prefix string) (_ *server, err error) {
	s := &server{binDir: binDir}
	if err := s.setIdentity(); err != nil {
		return nil, err
	}
	if s.dir, err = os.MkdirTemp("", prefix); err != nil {
		return nil, err
	}
	s.dataDir = filepath.Join(s.dir, "data")
	s.sockDir = filepath.Join(s.dir, "sock")
	s.logFile = filepath.Join(s.dir, "postgres.log")
	defer s.stopOnError(&err)
	if err := os.Mkdir(s.sockDir, 0o700); err != nil {
		return nil, err
	}
	if s.cred != nil {
		for _, d := range []string{s.dir, s.sockDir} {
			if err := os.Chown(d, int(s.cred.Uid), int(s.cred.Gid)); err != nil {
				return nil, err
			}
		}
	}
	if err := s.startWatchdog(); err != nil {
		return nil, err
	}
	return s, nil
}

// stopOnError stops s (removing what it made) when *err is set, adding a failure of the cleanup
// to it: deferred by the functions that build a server.
func (s *server) stopOnError(err *error) {
	if *err != nil {
		if stopErr := s.stop(); stopErr != nil {
			*err = fmt.Errorf("%w\n(cleanup after the failure also failed: %v)", *err, stopErr)
		}
	}
}

// startServer runs initdb and pg_ctl start; on failure it cleans up what it created.
func startServer() (_ *server, err error) {
	binDir, err := findBinDir(os.Getenv("PATH"), debianPGRoot)
	if err != nil {
		return nil, err
	}
	s, err := newServer(binDir, "riskconsole-pg-")
	if err != nil {
		return nil, err
	}
	defer s.stopOnError(&err)

	if out, err := s.run("initdb", "-D", s.dataDir, "-U", Superuser, "--auth=trust", "-E", "UTF8", "--locale=C"); err != nil {
		hint := ""
		if s.cred != nil {
			hint = fmt.Sprintf("\n(running as root, initdb runs as the OS user postgres, which must be able to reach %s; TMPDIR=%q)", s.dir, os.Getenv("TMPDIR"))
		}
		return nil, fmt.Errorf("%s failed: %v\n%s%s", filepath.Join(binDir, "initdb"), err, out, hint)
	}
	// Settings go to postgresql.conf rather than pg_ctl -o, which a shell would re-split.
	conf := fmt.Sprintf(`
# riskconsole internal/testdb
listen_addresses = '127.0.0.1'
unix_socket_directories = '%s'
max_connections = 200
fsync = on
timezone = 'UTC'
log_timezone = 'UTC'
# streaming standbys (NewStandby): PostgreSQL 15's defaults, stated
wal_level = replica
max_wal_senders = 10
`, strings.ReplaceAll(s.sockDir, "'", "''"))
	if err := appendFile(filepath.Join(s.dataDir, "postgresql.conf"), conf); err != nil {
		return nil, err
	}
	// The replication role's line comes first: hba's first match wins.
	hba := filepath.Join(s.dataDir, "pg_hba.conf")
	old, err := os.ReadFile(hba)
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(hba, append([]byte("host replication "+ReplicationRole+" 127.0.0.1/32 trust\n"), old...), 0o600); err != nil {
		return nil, err
	}

	if err := s.start(); err != nil {
		return nil, err
	}
	s.url = fmt.Sprintf("postgres://%s@127.0.0.1:%d/postgres?sslmode=disable", Superuser, s.port)
	if err := waitReady(s.url, 30*time.Second); err != nil {
		return nil, fmt.Errorf("server at %s: %v\nserver log:\n%s", s.url, err, readTail(s.logFile, 4000))
	}
	return s, nil
}

// start runs pg_ctl start -w on s.port, or on a free port when s.port is 0. A restart (s.port
// set) keeps the port, so that clients reconnect to the same address.
func (s *server) start() error {
	// A port is free when picked but may be taken before the postmaster binds it (other test
	// processes start servers concurrently): a first start retries with another port.
	pick := s.port == 0
	for attempt := 1; ; attempt++ {
		if pick {
			var err error
			if s.port, err = freePort(); err != nil {
				return err
			}
		}
		out, err := s.run("pg_ctl", "start", "-w", "-t", "60", "-D", s.dataDir, "-l", s.logFile, "-o", "-p "+strconv.Itoa(s.port))
		if err == nil {
			return nil
		}
		log := readTail(s.logFile, 4000)
		if pick && attempt < 3 && strings.Contains(log, "could not bind") {
			continue
		}
		return fmt.Errorf("%s start failed: %v\n%s\nserver log %s:\n%s", filepath.Join(s.binDir, "pg_ctl"), err, out, s.logFile, log)
	}
}

// halt stops the postmaster with pg_ctl stop -m fast (open sessions are terminated, their
// transactions rolled back) and keeps the data directory, so that start can bring it back.
func (s *server) halt() error {
	if out, err := s.run("pg_ctl", "stop", "-w", "-t", "60", "-m", "fast", "-D", s.dataDir); err != nil {
		return fmt.Errorf("pg_ctl stop -m fast: %v\n%s", err, out)
	}
	return nil
}

// stop stops the postmaster if it runs, removes the temporary directory and releases the
// watchdog. It is safe on a partially started server.
func (s *server) stop() error {
	var errs []error
	if s.dataDir != "" {
		if _, err := os.Stat(filepath.Join(s.dataDir, "postmaster.pid")); err == nil {
			if err := s.halt(); err != nil {
				errs = append(errs, err)
				if out, err := s.run("pg_ctl", "stop", "-w", "-t", "60", "-m", "immediate", "-D", s.dataDir); err != nil {
					errs = append(errs, fmt.Errorf("pg_ctl stop -m immediate: %v\n%s", err, out))
				}
			}
		}
	}
	if s.dir != "" {
		if err := os.RemoveAll(s.dir); err != nil {
			errs = append(errs, err)
		}
	}
	s.releaseWatchdog()
	return errors.Join(errs...)
}

// watchdogScript waits on stdin. "done" means the test process cleaned up itself; EOF
// without it means the test process died (its end of the pipe closed): stop the server
// and remove the directory. Arguments: pg_ctl, data directory, temporary directory.
const watchdogScript = `IFS= read -r line
[ "$line" = done ] && exit 0
"$1" stop -D "$2" -m immediate >/dev/null 2>&1
rm -rf "$3"
`

// startWatchdog starts a shell in its own session (immune to the terminal's ^C and to the
// test process's death) holding the read end of a pipe whose write end only this process
// has (Go opens files close-on-exec).
func (s *server) startWatchdog() error {
	r, w, err := os.Pipe()
	if err != nil {
		return err
	}
	defer r.Close()
	cmd := exec.Command("/bin/sh", "-c", watchdogScript, "testdb-watchdog", filepath.Join(s.binDir, "pg_ctl"), s.dataDir, s.dir)
	cmd.Stdin = r
	cmd.Dir = "/"
	cmd.Env = s.env
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Credential: s.cred}
	if err := cmd.Start(); err != nil {
		w.Close()
		return fmt.Errorf("starting the cleanup watchdog: %w", err)
	}
	s.watchdog, s.watchdogW = cmd, w
	return nil
}

func (s *server) releaseWatchdog() {
	if s.watchdog == nil {
		return
	}
	_, _ = s.watchdogW.WriteString("done\n")
	_ = s.watchdogW.Close()
	waited := make(chan struct{})
	go func() { _ = s.watchdog.Wait(); close(waited) }()
	select {
	case <-waited:
	case <-time.After(10 * time.Second):
		_ = s.watchdog.Process.Kill()
	}
	s.watchdog, s.watchdogW = nil, nil
}

// setIdentity decides who runs the PostgreSQL binaries (they refuse to run as root) and
// their environment.
func (s *server) setIdentity() error {
	env := make([]string, 0, len(os.Environ())+4)
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		// PG* variables (PGDATA, PGPORT, PGHOST, ...) would redirect the tools; the locale
		// is fixed to C for deterministic behaviour and English messages.
		if strings.HasPrefix(k, "PG") || strings.HasPrefix(k, "LC_") || k == "LANG" || k == "LANGUAGE" {
			continue
		}
		if os.Geteuid() == 0 && (k == "HOME" || k == "USER" || k == "LOGNAME") {
			continue
		}
		env = append(env, kv)
	}
	env = append(env, "LC_ALL=C")
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			return fmt.Errorf("running as root, the PostgreSQL server must run as the OS user \"postgres\", which does not exist (install Debian's postgresql package: scripts/ensure-deps.sh): %v", err)
		}
		uid, err1 := strconv.ParseUint(u.Uid, 10, 32)
		gid, err2 := strconv.ParseUint(u.Gid, 10, 32)
		if err := errors.Join(err1, err2); err != nil {
			return fmt.Errorf("user postgres: %v", err)
		}
		s.cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid), Groups: []uint32{}}
		env = append(env, "HOME="+u.HomeDir, "USER=postgres", "LOGNAME=postgres")
	}
	s.env = env
	return nil
}

// run runs one of the PostgreSQL binaries and returns its combined output.
func (s *server) run(name string, args ...string) ([]byte, error) {
	cmd := exec.Command(filepath.Join(s.binDir, name), args...)
	cmd.Dir = s.dir
	cmd.Env = s.env
	if s.cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: s.cred}
	}
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	// pg_ctl start redirects the postmaster's output to -l, so it does not hold our pipes.
	cmd.WaitDelay = 10 * time.Second
	err := cmd.Run()
	return out.Bytes(), err
}

// findBinDir returns the directory holding initdb and pg_ctl: the first such directory in
// path, else the newest root/<version>/bin.
func findBinDir(path, root string) (string, error) {
	has := func(dir string) bool {
		for _, name := range []string{"initdb", "pg_ctl"} {
			fi, err := os.Stat(filepath.Join(dir, name))
			if err != nil || fi.IsDir() || fi.Mode().Perm()&0o111 == 0 {
				return false
			}
		}
		return true
	}
	for _, dir := range filepath.SplitList(path) {
		if dir != "" && has(dir) {
			// A symlinked initdb (e.g. /usr/local/bin -> /usr/lib/postgresql/N/bin): use
			// the real directory, where pg_ctl finds postgres.
			if real, err := filepath.EvalSymlinks(filepath.Join(dir, "initdb")); err == nil && has(filepath.Dir(real)) {
				return filepath.Dir(real), nil
			}
			return dir, nil
		}
	}
	matches, _ := filepath.Glob(filepath.Join(root, "*", "bin"))
	best, bestVer := "", []int(nil)
	for _, dir := range matches {
		ver, ok := parseVersion(filepath.Base(filepath.Dir(dir)))
		if !ok || !has(dir) {
			continue
		}
		if best == "" || compareVersions(ver, bestVer) > 0 {
			best, bestVer = dir, ver
		}
	}
	if best == "" {
		return "", fmt.Errorf("PostgreSQL server binaries (initdb, pg_ctl) not found in PATH or %s/*/bin: install them with scripts/ensure-deps.sh (Debian package postgresql)", root)
	}
	return best, nil
}

func parseVersion(s string) ([]int, bool) {
	var v []int
	for _, part := range strings.Split(s, ".") {
		n, err := strconv.Atoi(part)
		if err != nil {
			return nil, false
		}
		v = append(v, n)
	}
	return v, true
}

func compareVersions(a, b []int) int {
	for i := 0; i < len(a) || i < len(b); i++ {
		var x, y int
		if i < len(a) {
			x = a[i]
		}
		if i < len(b) {
			y = b[i]
		}
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	return 0
}

// freePort returns a TCP port on 127.0.0.1 that was free a moment ago.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func appendFile(path, text string) error {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// readTail returns up to the last n bytes of a file, for error messages.
func readTail(path string, n int) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Sprintf("(cannot read %s: %v)", path, err)
	}
	if len(b) > n {
		b = b[len(b)-n:]
	}
	return string(b)
}
