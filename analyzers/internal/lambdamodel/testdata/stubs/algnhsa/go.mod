module github.com/akrylysov/algnhsa

go 1.26
