#!/usr/bin/env bash
# The 1,000-upload load-and-faults test on Azurite (tests/SelfReview.Tests/Functions/LoadAndFaultsTests.cs),
# alone (the test command runs it too, with everything else). SELFREVIEW_LOAD_UPLOADS=N changes the count.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
dotnet build tests/SelfReview.Tests -c Release -nologo -v quiet -warnaserror
exec dotnet test tests/SelfReview.Tests -c Release --no-build --nologo --filter "Category=Load" --logger "console;verbosity=normal"
