module kindj.local/testapp

go 1.21
