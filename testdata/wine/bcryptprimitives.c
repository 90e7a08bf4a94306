/*
 * A stand-in for Windows' bcryptprimitives.dll, for the tests that run
 * the Windows build under Wine only. NEVER ship it: Windows 10 and 11 have
 * the real one.
 *
 * Go 1.22+ programs load ProcessPrng from bcryptprimitives.dll when they
 * start and stop with "bcryptprimitives.dll not found" without it; Wine 8
 * does not provide it. This ProcessPrng fills the buffer from advapi32's
 * RtlGenRandom (exported as SystemFunction036), Wine's system random
 * source. Like the real one it never fails in practice; if RtlGenRandom
 * ever did, it returns FALSE and Go's runtime aborts rather than use
 * bytes that are not random.
 *
 * Built by windows_wine_test.go:
 *   x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll \
 *       bcryptprimitives.c bcryptprimitives.def -ladvapi32
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    /* RtlGenRandom takes a ULONG length: feed a larger request in chunks. */
    while (length > 0) {
        ULONG n = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, n))
            return FALSE;
        data += n;
        length -= n;
    }
    return TRUE;
}
