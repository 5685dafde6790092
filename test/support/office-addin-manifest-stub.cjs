// office-addin-mock imports office-addin-manifest, whose ESM build jest cannot load; the mock never uses it.
module.exports = {};
