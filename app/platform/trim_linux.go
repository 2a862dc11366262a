//go:build linux && cgo

package platform

/*
#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
static int shenbao_trim(void) { return malloc_trim(0); }
#else
static int shenbao_trim(void) { return 0; }
#endif
*/
import "C"

// canTrimCHeap tells that trimCHeap may give pages back.
const canTrimCHeap = true

// trimCHeap gives back to the system the C heap's free pages where the C
// library is glibc (malloc_trim, which also gives back free pages in the
// middle of the heap): what the renderer under the window (Mesa's textures
// of the texts drawn, its buffers) freed but malloc still holds. It reports
// whether any memory was given back.
func trimCHeap() bool {
	return C.shenbao_trim() != 0
}
