console.log('designer');
