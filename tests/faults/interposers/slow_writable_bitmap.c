/* Loaded with LD_PRELOAD by test_libzip_first_open.py: libzip's own zip_source_make_command_bitmap (one bit
   per command, the list ends with a negative number), slowed down when it builds the "writable" bitmap
   (exactly the commands zip_open_from_source needs to write; sources ask for other lists).
   libzip 1.7 builds that bitmap on its first zip_open_from_source and stores it in a static after the
   "readable" one; the pause holds that window open so that a second thread opening an archive at that
   moment meets it every time instead of once in many runs. */
#include <stdarg.h>
#include <time.h>
#include <zip.h>

zip_int64_t zip_source_make_command_bitmap(zip_source_cmd_t first, ...) {
    zip_int64_t bitmap = ZIP_SOURCE_MAKE_COMMAND_BITMASK(first);
    va_list commands;
    va_start(commands, first);
    for (int command = va_arg(commands, int); command >= 0; command = va_arg(commands, int))
        bitmap |= ZIP_SOURCE_MAKE_COMMAND_BITMASK(command);
    va_end(commands);
    const zip_int64_t writable = ZIP_SOURCE_MAKE_COMMAND_BITMASK(ZIP_SOURCE_BEGIN_WRITE)
        | ZIP_SOURCE_MAKE_COMMAND_BITMASK(ZIP_SOURCE_COMMIT_WRITE) | ZIP_SOURCE_MAKE_COMMAND_BITMASK(ZIP_SOURCE_ROLLBACK_WRITE)
        | ZIP_SOURCE_MAKE_COMMAND_BITMASK(ZIP_SOURCE_SEEK_WRITE) | ZIP_SOURCE_MAKE_COMMAND_BITMASK(ZIP_SOURCE_TELL_WRITE)
        | ZIP_SOURCE_MAKE_COMMAND_BITMASK(ZIP_SOURCE_REMOVE);
    if (bitmap == writable) {
        struct timespec pause = {0, 200 * 1000 * 1000};
        nanosleep(&pause, 0);
    }
    return bitmap;
}
