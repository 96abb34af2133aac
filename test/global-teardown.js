const fs = require('fs');
module.exports = async () => {
	if (process.env.N8N_JEST_TMP)
		fs.rmSync(process.env.N8N_JEST_TMP, { recursive: true, force: true });
};
