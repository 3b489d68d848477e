# Warnings and sanitizers belong to our targets only; link duet_options into each of them.
add_library(duet_options INTERFACE)
target_compile_options(duet_options INTERFACE -Wall -Wextra -Wpedantic -Wshadow)
if(DUET_WERROR)
  target_compile_options(duet_options INTERFACE -Werror)
endif()
if(DUET_SANITIZE)
  target_compile_options(duet_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(duet_options INTERFACE -fsanitize=address,undefined)
endif()
# GCC 12 at -O3 reports ordinary std::string concatenation as an overlapping memcpy (GCC bug 105329);
# the warning is a known false positive there, so it is off for that compiler only.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(duet_options INTERFACE -Wno-restrict)
endif()
