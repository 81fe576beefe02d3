#!/usr/bin/env bash
# Builds the helper library into build/CourseCompanion (the fixed path every notebook's first cell loads)
# and the companion CLI. net8.0 so the same DLL also loads into Polyglot's .NET 8 kernel.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build lib/CourseCompanion -c Release -f net8.0 -o build/CourseCompanion -v quiet -nologo
dotnet build lib/Companion.Cli -c Release -o build/companion -v quiet -nologo
