package auditlog

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"riskconsole/internal/audit"
)

// Checkpoint is the head of the audit chain at a moment, signed with the console's key and kept
// outside the database. The chain alone cannot show that events were removed from its end: the
// log simply ends earlier. A checkpoint can: the event it names must still be there with the hash
// it recorded, and since that hash covers every event before it, the checkpoint pins the whole
// log up to it.
type Checkpoint struct {
	EventID int64     `json:"eventId"`
	Hash    string    `json:"hash"`
	At      time.Time `json:"at"`
	KeyID   string    `json:"keyId"`
	MAC     string    `json:"mac"`
}

// canonical returns the bytes the checkpoint's MAC covers.
func (cp *Checkpoint) canonical() []byte {
	b := strconv.AppendInt(nil, cp.EventID, 10)
	b = append(b, '|')
	b = append(b, cp.Hash...)
	b = append(b, '|')
	b = strconv.AppendInt(b, cp.At.UnixMicro(), 10)
	b = append(b, '|')
	return append(b, cp.KeyID...)
}

// ErrBadCheckpoint is returned for a checkpoint file that does not parse, is keyed with another
// key, or whose MAC does not match: it was damaged or forged.
var ErrBadCheckpoint = errors.New("audit checkpoint file is not valid")

// CheckpointFile keeps the newest checkpoint in one file (JSON, mode 0600), replaced atomically.
// Keep it where the database's owner cannot write (another volume, a host of its own), or copy it
// there: whoever can replace it with an older checkpoint can remove the events written since.
type CheckpointFile struct {
	path string
	key  *audit.Key
}

// NewCheckpointFile returns the checkpoint file at path, signed with key.
func NewCheckpointFile(path string, key *audit.Key) *CheckpointFile {
	return &CheckpointFile{path: path, key: key}
}

// Path returns the file's path.
func (f *CheckpointFile) Path() string { return f.path }

// Read returns the checkpoint in the file, nil when there is no file yet. A file that does not
// verify is ErrBadCheckpoint.
func (f *CheckpointFile) Read() (*Checkpoint, error) {
	b, err := os.ReadFile(f.path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read audit checkpoint: %w", err)
	}
	var cp Checkpoint
	if err := json.Unmarshal(b, &cp); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrBadCheckpoint, f.path, err)
	}
	if cp.KeyID != f.key.ID() {
		return nil, fmt.Errorf("%w: %s is signed with another key", ErrBadCheckpoint, f.path)
	}
	if !audit.Verify(f.key.SignCheckpoint(cp.canonical()), cp.MAC) {
		return nil, fmt.Errorf("%w: %s: signature does not match", ErrBadCheckpoint, f.path)
	}
	return &cp, nil
}

// Write signs cp and replaces the file with it: written to a temporary file beside it, synced,
// and renamed over it, so that a crash leaves the old checkpoint or the new one, never half.
func (f *CheckpointFile) Write(cp Checkpoint) error {
	cp.At = cp.At.UTC().Truncate(time.Microsecond)
	cp.KeyID = f.key.ID()
	cp.MAC = f.key.SignCheckpoint(cp.canonical())
	b, err := json.Marshal(cp)
	if err != nil {
		return err
	}
	dir := filepath.Dir(f.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("write audit checkpoint: %w", err)
	}
	tmp, err := os.CreateTemp(dir, filepath.Base(f.path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write audit checkpoint: %w", err)
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	_, err = tmp.Write(append(b, '\n'))
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), f.path)
	}
	if err != nil {
		return fmt.Errorf("write audit checkpoint: %w", err)
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync() // make the rename durable where the file system allows
		d.Close()
	}
	return nil
}
