/** A test file that throws while loading: run by ci-run.test.ts in a child jest. */
throw new Error("this fixture fails to load on purpose");
