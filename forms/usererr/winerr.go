package usererr

// windowsCode maps a Windows error number (winerror.h) to a code. It is
// compiled on every system so that the mapping is tested on Linux too;
// reason_windows.go uses it.
func windowsCode(n uintptr) Code {
	switch n {
	case 112, 39: // ERROR_DISK_FULL, ERROR_HANDLE_DISK_FULL
		return DiskFull
	case 19: // ERROR_WRITE_PROTECT
		return ReadOnly
	case 5: // ERROR_ACCESS_DENIED
		return Permission
	case 32, 33: // ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
		return InUse
	case 206: // ERROR_FILENAME_EXCED_RANGE
		return NameTooLong
	case 2, 3: // ERROR_FILE_NOT_FOUND, ERROR_PATH_NOT_FOUND
		return NotExist
	case 80, 183: // ERROR_FILE_EXISTS, ERROR_ALREADY_EXISTS
		return Exist
	}
	return Unknown
}
