"""Staff assessments: templates, runs with evidence, results."""
