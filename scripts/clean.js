// Removes dist/ so deleted sources never linger in a build (no rimraf dependency needed).
require('fs').rmSync(require('path').join(__dirname, '..', 'dist'), {
	recursive: true,
	force: true,
});
