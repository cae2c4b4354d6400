# Shared by scripts/run, scripts/test and scripts/bench: installs what Funnel
# needs when it is missing, and says clearly what to do when it cannot.

funnel_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# Runs apt-get as root, or through sudo; fails with a clear message otherwise.
funnel_apt_install() {
  local runner=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      runner=(sudo)
    else
      echo "funnel: needs the Debian packages: $* (run as root, or install sudo)" >&2
      return 1
    fi
  fi
  local names=()
  for argument in "$@"; do [[ $argument == -* ]] || names+=("$argument"); done
  echo "funnel: installing ${names[*]} ..." >&2
  # The package lists are fetched once per run, however many installs follow.
  if [ -z "${funnel_apt_updated:-}" ]; then
    "${runner[@]}" apt-get update -qq >&2 || return 1
    funnel_apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive "${runner[@]}" apt-get install -y -qq "$@" >&2
}

# libedit-dev: the line editor's headers and pkg-config file.
funnel_ensure_libedit() {
  if pkg-config --exists libedit 2>/dev/null && [ -f /usr/include/editline/readline.h ]; then
    return 0
  fi
  local packages=(libedit-dev)
  command -v pkg-config >/dev/null 2>&1 || packages+=(pkg-config)
  funnel_apt_install "${packages[@]}"
}

# zlib1g-dev: the headers and pkg-config file of zlib, which reads
# gzip-compressed data files.
funnel_ensure_zlib() {
  if pkg-config --exists zlib 2>/dev/null && [ -f /usr/include/zlib.h ]; then
    return 0
  fi
  local packages=(zlib1g-dev)
  command -v pkg-config >/dev/null 2>&1 || packages+=(pkg-config)
  funnel_apt_install "${packages[@]}"
}

# libxml2-dev: the library Foundation reads XML with (Excel workbooks), which
# a release build links against by name when Foundation is linked in.
funnel_ensure_libxml2() {
  if pkg-config --exists libxml-2.0 2>/dev/null; then
    return 0
  fi
  local packages=(libxml2-dev)
  command -v pkg-config >/dev/null 2>&1 || packages+=(pkg-config)
  funnel_apt_install "${packages[@]}"
}

# Chromium and a font for it: the browser test (Tests/Browser) renders the
# demo report headless and compares its screenshot with the committed one.
funnel_ensure_chromium() {
  if command -v chromium >/dev/null 2>&1; then
    return 0
  fi
  funnel_apt_install --no-install-recommends chromium fonts-dejavu-core
}

# LibreOffice (soffice, without its desktop parts): the Excel reader's tests
# have it save workbooks, which computes and saves their formulas' values.
funnel_ensure_libreoffice() {
  if command -v soffice >/dev/null 2>&1; then
    return 0
  fi
  funnel_apt_install --no-install-recommends libreoffice-calc-nogui
}

funnel_ensure_swift() {
  if ! command -v swift >/dev/null 2>&1; then
    echo "funnel: the Swift toolchain (6.0 or later) is needed: https://swift.org/install" >&2
    return 1
  fi
}

# The release build of a product (funnel by default) into .build/release,
# with the Swift runtime and Foundation linked in: the dynamic loader then
# has a dozen fewer libraries to bind, and the shell starts in about 9 ms
# where it took 14 (20.5 ms to the prompt with the demo data, where it took
# 26.5). Every release build takes this flag: a build without it would
# compile every module again.
funnel_release_build() {
  funnel_ensure_libxml2
  swift build --package-path "$funnel_root" -c release --static-swift-stdlib --product "${1:-funnel}"
}

# A Python virtual environment in .venv with the given PyPI packages
# (DuckDB and pytest for the differential tests, duckdb-cli for the benchmark,
# pyspark for its Spark Connect server, Pillow to read the browser test's
# screenshots, openpyxl for the Excel reader's tests); `name==version` pins a
# version.
funnel_ensure_venv() {
  local venv="$funnel_root/.venv"
  if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv" >&2
  fi
  local missing=()
  for package in "$@"; do
    "$venv/bin/python" -m pip show -q "${package%%==*}" >/dev/null 2>&1 || missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "funnel: installing ${missing[*]} into .venv ..." >&2
    "$venv/bin/python" -m pip install -q --disable-pip-version-check "${missing[@]}" >&2
  fi
}
