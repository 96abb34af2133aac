const { src, dest, parallel } = require('gulp');

// gulp 5 reads files as utf8 by default; encoding:false keeps binary icons byte-exact.
function nodeIcons() {
	return src('nodes/**/*.{png,svg}', { encoding: false }).pipe(dest('dist/nodes'));
}

function credentialIcons() {
	return src('credentials/**/*.{png,svg}', { encoding: false }).pipe(dest('dist/credentials'));
}

exports['build:icons'] = parallel(nodeIcons, credentialIcons);
