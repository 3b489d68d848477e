# Every dependency comes from a Debian 12 package; each is wrapped once as an imported target.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(ICU 72 REQUIRED COMPONENTS uc i18n)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(fmt REQUIRED)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)

# Xapian's CMake package only sets variables.
find_package(xapian REQUIRED)
add_library(duet_xapian INTERFACE)
target_include_directories(duet_xapian SYSTEM INTERFACE ${XAPIAN_INCLUDE_DIR})
target_link_libraries(duet_xapian INTERFACE ${XAPIAN_LIBRARIES})
add_library(Duet::Xapian ALIAS duet_xapian)
