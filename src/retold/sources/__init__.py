"""Where stories come from beyond a local folder: `fetch` downloads outlets' pages by URL."""
