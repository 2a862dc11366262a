package gopdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"sync"
)

// buffer pool to reduce GC
var buffers = sync.Pool{
	// New is called when a new instance is needed
	New: func() interface{} {
		return new(bytes.Buffer)
	},
}

// GetBuffer fetches a buffer from the pool
func GetBuffer() *bytes.Buffer {
	return buffers.Get().(*bytes.Buffer)
}

// PutBuffer returns a buffer to the pool
func PutBuffer(buf *bytes.Buffer) {
	buf.Reset()
	buffers.Put(buf)
}

// shenbao: zlib writers are reused, one pool per compression level: each
// new writer allocates about 1 MB of compressor state, and a document
// compresses a stream per page and per font (upstream: a new writer each
// time). Reset keeps the level, so the output is the same.
var zlibWriters sync.Map // level → *sync.Pool of *zlib.Writer

// getZlibWriter returns a zlib writer at level writing to w; give it back
// with putZlibWriter once closed.
func getZlibWriter(w io.Writer, level int) (*zlib.Writer, error) {
	p, _ := zlibWriters.LoadOrStore(level, &sync.Pool{})
	if z, ok := p.(*sync.Pool).Get().(*zlib.Writer); ok {
		z.Reset(w)
		return z, nil
	}
	return zlib.NewWriterLevel(w, level)
}

// putZlibWriter gives back a writer got from getZlibWriter at level.
func putZlibWriter(z *zlib.Writer, level int) {
	z.Reset(io.Discard)
	if p, ok := zlibWriters.Load(level); ok {
		p.(*sync.Pool).Put(z)
	}
}
