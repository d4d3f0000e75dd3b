package input

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// sniffLen is how much of a stream is looked at to find its encoding, tell
// text from binary, and guess the format of standard input.
const sniffLen = 8 << 10

// bufSize is the read buffer; lines and records longer than it are still
// read, in pieces.
const bufSize = 64 << 10

var (
	errEmpty         = errors.New("empty file")
	errBinary        = errors.New("binary file, not text")
	errNotRegular    = errors.New("not a regular file (a FIFO, device or socket): only standard input (-) is read as a stream")
	errTruncatedGzip = errors.New("truncated gzip data")
	errNoStdin       = errors.New("no standard input to read")
)

// source is one opened input: its name for messages and Document.Source,
// and its content as a buffered stream with any BOM removed and UTF-16
// already turned into UTF-8.
type source struct {
	o    *options
	name string
	r    *bufio.Reader
	// budget counts the decompressed bytes read, so a record or document
	// larger than MaxBytes is refused before it fills memory.
	budget *budget
	// size is the file's size on disk when that is also its content size
	// (not compressed, not standard input), else -1.
	size int64
	// declared is true when a BOM stated the encoding, so no other is
	// guessed.
	declared bool
	closer   io.Closer
	// pooled are buffers borrowed for this source, returned by close: a
	// folder of small articles would otherwise allocate them per file.
	pooledReader *bufio.Reader
	pooledText   *bytes.Buffer
}

var (
	readers     = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, bufSize) }}
	textBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}
)

// maxPooledText is the largest document buffer kept for reuse, so that one
// huge file does not stay in memory for the rest of the run.
const maxPooledText = 1 << 20

// open opens name and checks the start of its content: empty, binary,
// gzip header and BOM problems are returned here, before any format reader
// runs; errors further in come from s.r.
func (o *options) open(name string) (*source, error) {
	s := &source{o: o, name: name, size: -1}
	var raw io.Reader
	if name == "-" {
		if o.Stdin == nil {
			return nil, errNoStdin
		}
		raw = o.Stdin
	} else if o.Open != nil {
		rc, err := o.Open(name)
		if err != nil {
			return nil, err
		}
		raw, s.closer = rc, rc
	} else {
		// Opening a FIFO waits for a writer, and reading a device may
		// never end: both are refused before they are opened.
		if fi, err := os.Stat(name); err == nil && !fi.Mode().IsRegular() && !fi.IsDir() {
			return nil, errNotRegular
		}
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		fi, err := f.Stat()
		if err != nil {
			f.Close()
			return nil, err
		}
		if fi.IsDir() {
			f.Close()
			return nil, errors.New("is a directory")
		}
		raw, s.closer, s.size = f, f, fi.Size()
	}

	_, gz := splitExt(name)
	var content io.Reader = raw
	if name == "-" || gz {
		br := bufio.NewReaderSize(raw, bufSize)
		if name == "-" {
			// Standard input has no name to go by; gzip's magic number is
			// unambiguous.
			magic, _ := br.Peek(2)
			gz = len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b
		}
		content = br
	}
	if gz {
		zr, err := gzip.NewReader(content)
		if err != nil {
			s.close()
			if err == io.EOF {
				return nil, errEmpty
			}
			return nil, gzipError(err)
		}
		content = gzipStream{zr}
		s.size = -1
	}
	s.budget = newBudget(content, o.MaxBytes)
	s.pooledReader = readers.Get().(*bufio.Reader)
	s.pooledReader.Reset(s.budget)
	s.r = s.pooledReader

	head, _ := s.r.Peek(3)
	switch {
	case bytes.HasPrefix(head, []byte{0xef, 0xbb, 0xbf}):
		s.r.Discard(3)
		s.declared = true
	case bytes.HasPrefix(head, []byte{0xff, 0xfe}), bytes.HasPrefix(head, []byte{0xfe, 0xff}):
		// ExpectBOM reads the byte order from the BOM and drops it.
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		s.r = bufio.NewReaderSize(transform.NewReader(s.r, dec), bufSize)
		s.declared = true
		s.size = -1
	}

	head, err := s.r.Peek(sniffLen)
	if len(head) < sniffLen && len(bytes.TrimSpace(head)) == 0 {
		s.close()
		if err != nil && err != io.EOF {
			return nil, err
		}
		return nil, errEmpty
	}
	if looksBinary(head) {
		s.close()
		return nil, errBinary
	}
	return s, nil
}

func (s *source) close() {
	if s.closer != nil {
		s.closer.Close()
	}
	if s.pooledReader != nil {
		s.pooledReader.Reset(nil)
		readers.Put(s.pooledReader)
		s.pooledReader, s.r = nil, nil
	}
	if s.pooledText != nil {
		if s.pooledText.Cap() <= maxPooledText {
			s.pooledText.Reset()
			textBuffers.Put(s.pooledText)
		}
		s.pooledText = nil
	}
}

// errorf builds an *Error for this source at line (0 if none).
func (s *source) errorf(line int, format string, args ...any) *Error {
	return &Error{Path: s.name, Line: line, Err: fmt.Errorf(format, args...)}
}

// readAll reads a whole-document input, refusing one larger than MaxBytes
// without reading it when its size is known up front. The bytes are valid
// until close.
func (s *source) readAll() ([]byte, error) {
	if s.size > s.o.MaxBytes {
		return nil, s.budget.tooLarge
	}
	if s.pooledText == nil {
		s.pooledText = textBuffers.Get().(*bytes.Buffer)
	}
	buf := s.pooledText
	buf.Reset()
	if s.size >= 0 {
		// One allocation of the right size instead of doubling up to it.
		buf.Grow(int(s.size) + bytes.MinRead)
	}
	_, err := buf.ReadFrom(s.r)
	return buf.Bytes(), err
}

// sniff guesses the format of an input that has no extension to go by.
func (s *source) sniff() string {
	head, _ := s.r.Peek(sniffLen)
	head = bytes.TrimLeft(head, " \t\r\n")
	if len(head) == 0 {
		return "txt"
	}
	switch head[0] {
	case '[':
		return "json"
	case '<':
		return "html"
	case '{':
		// One object a line is JSON Lines; an object spread over lines
		// is a JSON document.
		if i := bytes.IndexByte(head, '\n'); i >= 0 && !json.Valid(head[:i]) {
			return "json"
		}
		return "jsonl"
	}
	return "txt"
}

// budget passes reads through until more than max bytes have been read
// since the last reset, then fails with tooLarge. It lets one byte past max
// through so that a document of exactly max bytes still reads to EOF.
type budget struct {
	r        io.Reader
	left     int64
	max      int64
	tooLarge error
}

func newBudget(r io.Reader, max int64) *budget {
	return &budget{r: r, left: max, max: max, tooLarge: fmt.Errorf("larger than the %s limit", byteSize(max))}
}

func (b *budget) Read(p []byte) (int, error) {
	if b.left < 0 {
		return 0, b.tooLarge
	}
	if int64(len(p)) > b.left+1 {
		p = p[:b.left+1]
	}
	n, err := b.r.Read(p)
	b.left -= int64(n)
	return n, err
}

// reset starts a new record's allowance. Reads run ahead of the record
// being parsed by up to a buffer, so a record's limit is approximate.
func (b *budget) reset() { b.left = b.max }

// gzipStream gives gzip errors messages that say what happened to the file.
type gzipStream struct{ z *gzip.Reader }

func (g gzipStream) Read(p []byte) (int, error) {
	n, err := g.z.Read(p)
	return n, gzipError(err)
}

func gzipError(err error) error {
	switch {
	case err == nil || err == io.EOF:
		return err
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errTruncatedGzip
	case errors.Is(err, gzip.ErrHeader):
		return errors.New("not gzip data")
	case errors.Is(err, gzip.ErrChecksum):
		return errors.New("gzip checksum mismatch")
	}
	return fmt.Errorf("gzip: %w", err)
}

// byteSize prints a limit the way it was most likely set.
func byteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d-byte", n)
}
