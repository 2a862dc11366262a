/*
 * TEST-ONLY stand-in for Windows' bcryptprimitives.dll, for the Wine smoke
 * test (make wine-smoke). Go >= 1.22 programs get random bytes from
 * ProcessPrng in bcryptprimitives.dll, which Wine 8 (Debian 12) lacks, so the
 * .exe would not start under Wine. This DLL exports ProcessPrng and answers
 * it with RtlGenRandom (advapi32's SystemFunction036). It is built into the
 * throwaway Wine prefix during the test and is never shipped: real Windows
 * (10 and later) has the real DLL.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
	while (length > 0) {
		ULONG chunk = length > 0x7fffffff ? 0x7fffffff : (ULONG)length;
		if (!SystemFunction036(data, chunk))
			return FALSE;
		data += chunk;
		length -= chunk;
	}
	return TRUE;
}
