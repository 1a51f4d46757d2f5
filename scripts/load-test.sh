#!/usr/bin/env bash
# The 1,000-upload load-and-faults test on Azurite (tests/SelfReview.Tests/Functions/LoadAndFaultsTests.cs),
# kept out of the test command because it runs for many minutes. SELFREVIEW_LOAD_UPLOADS=N changes the count.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
dotnet build tests/SelfReview.Tests -c Release -nologo -v quiet -warnaserror
exec dotnet test tests/SelfReview.Tests -c Release --no-build --nologo --filter "Category=Load" --logger "console;verbosity=normal"
