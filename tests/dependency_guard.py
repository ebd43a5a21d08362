#!/usr/bin/env python3
"""Checks that scripts/install-deps.sh installs every library the CMake build asks for.

A machine that once had a package installed by hand builds fine, while a fresh Debian 12 stops
at CMake. So for every pkg-config module (pkg_check_modules, pkg_search_module) and every
find_library / find_package that the build's CMake files ask for (fuzz/ excluded: it is an
opt-in clang build), this finds the file that satisfied it on this machine (the .pc file, the
library, the package's config or Find module) and asks dpkg which package owns it. That package
must be one scripts/install-deps.sh names, or one those depend on (Depends and Pre-Depends,
recursively; not Recommends, which install-deps.sh leaves out).

Usage: dependency_guard.py SOURCE_DIR CMAKE_CACHE
Exit 0 when every dependency is covered, 1 with a list of the ones that are not.
"""

import os
import re
import subprocess
import sys

PKG_CONFIG_KEYWORDS = {"REQUIRED", "QUIET", "NO_CMAKE_PATH", "NO_CMAKE_ENVIRONMENT_PATH",
                       "IMPORTED_TARGET", "GLOBAL"}
FIND_LIBRARY_KEYWORDS = {"NAMES", "NAMES_PER_DIR", "HINTS", "PATHS", "PATH_SUFFIXES", "DOC",
                         "REQUIRED", "NO_DEFAULT_PATH", "NO_PACKAGE_ROOT_PATH", "NO_CMAKE_PATH",
                         "NO_CMAKE_ENVIRONMENT_PATH", "NO_SYSTEM_ENVIRONMENT_PATH",
                         "NO_CMAKE_SYSTEM_PATH", "NO_CMAKE_INSTALL_PREFIX",
                         "CMAKE_FIND_ROOT_PATH_BOTH", "ONLY_CMAKE_FIND_ROOT_PATH",
                         "NO_CMAKE_FIND_ROOT_PATH", "ENV", "VALIDATOR", "NO_CACHE"}
EXCLUDED_DIRS = {"fuzz", "CMakeFiles", "node_modules", ".git", ".clean-room"}


def cmake_files(source_dir):
    """The project's CMakeLists.txt and *.cmake files, build folders and fuzz/ left out."""
    found = []
    for here, dirs, files in os.walk(source_dir):
        dirs[:] = sorted(d for d in dirs if d not in EXCLUDED_DIRS and not d.startswith("build")
                         and not os.path.exists(os.path.join(here, d, "CMakeCache.txt")))
        found += [os.path.join(here, f) for f in sorted(files)
                  if f == "CMakeLists.txt" or f.endswith(".cmake")]
    return found


def cmake_calls(path, command):
    """The argument lists of every call to COMMAND in a CMake file, comments removed."""
    text = re.sub(r"#[^\n]*", "", open(path, encoding="utf-8").read())
    for match in re.finditer(r"\b" + command + r"\s*\(([^)]*)\)", text, re.IGNORECASE):
        yield match.group(1).split()


def requested(source_dir):
    """(kind, name, required, where) for every dependency the CMake files ask for."""
    wants = []
    for path in cmake_files(source_dir):
        where = os.path.relpath(path, source_dir)
        for command in ("pkg_check_modules", "pkg_search_module"):
            for args in cmake_calls(path, command):
                for spec in args[1:]:
                    if spec not in PKG_CONFIG_KEYWORDS:
                        wants.append(("pkg-config", re.split(r"[<>=]", spec)[0], "REQUIRED" in args, where))
        for args in cmake_calls(path, "find_library"):
            var = args[0]
            if "NAMES" in args:
                names = []
                for a in args[args.index("NAMES") + 1:]:
                    if a in FIND_LIBRARY_KEYWORDS:
                        break
                    names.append(a)
            else:
                names = args[1:2]
            wants.append(("find_library", var + "=" + "|".join(names), "REQUIRED" in args, where))
        for args in cmake_calls(path, "find_package"):
            wants.append(("find_package", args[0], "REQUIRED" in args, where))
    return wants


def read_cache(path):
    cache = {}
    for line in open(path, encoding="utf-8"):
        m = re.match(r"([^#/][^:=]*):[A-Z]+=(.*)", line.rstrip("\n"))
        if m:
            cache[m.group(1)] = m.group(2)
    return cache


def resolve(kind, name, cache):
    """The file on this machine that satisfied the dependency, or an explanation of why none."""
    if "${" in name:
        return None, "a name built from a CMake variable cannot be checked; spell it out"
    if kind == "pkg-config":
        pkg_config = cache.get("PKG_CONFIG_EXECUTABLE", "pkg-config")
        r = subprocess.run([pkg_config, "--path", name], capture_output=True, text=True)
        if r.returncode != 0 or not r.stdout.strip():
            return None, "pkg-config finds no module " + name
        return r.stdout.split()[0], None
    if kind == "find_library":
        var = name.split("=")[0]
        path = cache.get(var, "")
        if not path or path.endswith("-NOTFOUND"):
            return None, "CMake found no library for " + var
        return path, None
    # find_package: config mode leaves <Name>_DIR; module mode runs CMake's Find<Name>.cmake.
    config_dir = cache.get(name + "_DIR", "")
    if config_dir and not config_dir.endswith("-NOTFOUND"):
        for f in (name + "Config.cmake", name.lower() + "-config.cmake"):
            if os.path.exists(os.path.join(config_dir, f)):
                return os.path.join(config_dir, f), None
        return None, "no config file in " + config_dir
    module = os.path.join(cache.get("CMAKE_ROOT", "/usr/share/cmake"), "Modules", "Find" + name + ".cmake")
    if os.path.exists(module):
        return module, None
    return None, "CMake found no config file or Find module for " + name


def owner(path):
    """The Debian packages that own PATH (also tried as its real path and without /usr, for the
    files a package installed under /lib that usrmerge moved)."""
    candidates = [path, os.path.realpath(path)]
    candidates += [c[len("/usr"):] for c in list(candidates) if c.startswith("/usr/lib")]
    for c in candidates:
        r = subprocess.run(["dpkg-query", "-S", c], capture_output=True, text=True)
        for line in r.stdout.splitlines():
            packages, _, owned = line.partition(": ")
            if owned == c and not packages.startswith("diversion by"):
                return [p.strip().split(":")[0] for p in packages.split(",")]
    return []


def install_deps_packages(script):
    """Every package name in the packages=( ... ) and packages+=( ... ) lists of install-deps.sh."""
    text = re.sub(r"#[^\n]*", "", open(script, encoding="utf-8").read())
    names = []
    for m in re.finditer(r"\bpackages\+?=\(([^)]*)\)", text):
        names += m.group(1).split()
    return names


def installed_graph():
    """Installed package -> the package names it depends on, and virtual name -> providers."""
    fmt = "${Package}\t${db:Status-Abbrev}\t${Provides}\t${Pre-Depends}, ${Depends}\n"
    out = subprocess.run(["dpkg-query", "-W", "-f", fmt], capture_output=True, text=True, check=True).stdout
    depends, providers, installed = {}, {}, set()

    def names(field):
        return [re.split(r"[\s(:]", alt.strip())[0] for alt in re.split(r"[,|]", field) if alt.strip()]

    for line in out.splitlines():
        package, status, provides, deps = (line.split("\t") + ["", "", ""])[:4]
        if not status.startswith("ii"):
            continue
        installed.add(package)
        depends.setdefault(package, set()).update(names(deps))
        for virtual in names(provides):
            providers.setdefault(virtual, set()).add(package)
    return depends, providers, installed


def closure(roots, depends, providers, installed):
    """Every installed package reachable from ROOTS through Depends and Pre-Depends (an
    alternative or a virtual package counts through whichever installed package satisfies it)."""
    seen, todo = set(), list(roots)
    while todo:
        name = todo.pop()
        for package in ({name} & installed) | providers.get(name, set()):
            if package not in seen:
                seen.add(package)
                todo += depends.get(package, ())
    return seen


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    source_dir, cache_path = sys.argv[1], sys.argv[2]
    cache = read_cache(cache_path)
    named = install_deps_packages(os.path.join(source_dir, "scripts", "install-deps.sh"))
    depends, providers, installed = installed_graph()
    covered = closure(named, depends, providers, installed)

    problems = []
    not_installed = [p for p in named if p not in installed and p not in providers]
    if not_installed:
        problems.append("install-deps.sh names packages that are not installed here: " +
                        " ".join(not_installed) + " (run scripts/install-deps.sh)")
    wants = requested(source_dir)
    for kind, name, required, where in wants:
        path, why = resolve(kind, name, cache)
        if path is None:
            if required:
                problems.append(f"{where}: {kind} {name}: {why}")
            else:
                print(f"optional, not checked: {where}: {kind} {name}: {why}")
            continue
        owners = owner(path)
        if not owners:
            problems.append(f"{where}: {kind} {name}: {path} belongs to no Debian package")
        elif not set(owners) & covered:
            problems.append(f"{where}: {kind} {name}: {path} comes from {', '.join(owners)}, which "
                            "scripts/install-deps.sh neither names nor pulls in through Depends")
        else:
            print(f"ok: {kind} {name}: {path} ({', '.join(owners)})")
    if not wants:
        problems.append("found no pkg_check_modules, find_library or find_package in " + source_dir)
    if problems:
        print("\n".join(["", "NOT COVERED by scripts/install-deps.sh:"] + problems))
        return 1
    print(f"all {len(wants)} dependencies are installed by scripts/install-deps.sh")
    return 0


if __name__ == "__main__":
    sys.exit(main())
