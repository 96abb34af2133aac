#!/usr/bin/env node
/**
 * Renders the generated profile PDF of a sample candidate to docs/screenshots/profile-pdf.png, the picture the
 * Greenhouse docs show for Options › Generate Profile PDF When No Resume. Needs `npm run build` first and
 * poppler's pdftoppm (apt-get install -y poppler-utils).
 *
 *   node scripts/profile-pdf-shot.js [out.png]
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const { candidateSchema } = require(path.join(ROOT, 'dist/nodes/shared/candidate/schema.js'));
const { profilePdf } = require(path.join(ROOT, 'dist/nodes/shared/pdf/profile.js'));

const candidate = candidateSchema.parse({
	fullName: 'Zoë Müller-Łukasik',
	emails: [{ value: 'zoe.muller@example.com', type: 'personal' }],
	phones: [{ value: '+44 20 7946 0958', type: 'mobile' }],
	linkedinUrl: 'https://www.linkedin.com/in/zoe-muller',
	location: { city: 'London', country: 'United Kingdom' },
	currentTitle: 'Senior Backend Engineer',
	currentCompany: 'Example Ltd',
	previousJobs: [
		{ title: 'Backend Engineer', company: 'Sample GmbH', startDate: '2019-03', endDate: '2022-08' },
	],
	source: 'Outreach',
});
const envelope = {
	campaign: { id: '42', name: 'Senior Backend Q3' },
	reply: { text: 'Thanks for reaching out, I would be glad to talk about the role next week.' },
};

const pdf = profilePdf(candidate, envelope);
const out = path.resolve(
	process.argv[2] ?? path.join(ROOT, 'docs', 'screenshots', 'profile-pdf.png'),
);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ats-sync-pdf-'));
try {
	const file = path.join(dir, pdf.fileName);
	fs.writeFileSync(file, pdf.buffer);
	execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', file, out.replace(/\.png$/, '')]);
	process.stdout.write(`${path.relative(process.cwd(), out)} (${fs.statSync(out).size} bytes)\n`);
} finally {
	fs.rmSync(dir, { recursive: true, force: true });
}
